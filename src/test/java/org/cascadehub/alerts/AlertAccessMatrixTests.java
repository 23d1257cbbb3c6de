package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * TLP on the alert API's read paths: for every label, every demo role and an outsider (a vetted
 * organisation with no site in the area) are checked on reading the alert, finding it in the list,
 * and acknowledging it — the denials as carefully as the permissions.
 */
@CascadeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertAccessMatrixTests {

    /** Who reads; {@code recipient}: in the Westminster audience (security and guard: Strand Arcade). */
    enum Reader {
        POLICE("police@demo.test"),
        APPROVER("approver@demo.test"),
        ADMIN("admin@demo.test"),
        LEAD("retail-lead@demo.test"),
        SECURITY("security@demo.test"),
        GUARD("guard@demo.test"),
        OUTSIDER(null);

        final String email;

        Reader(String email) {
            this.email = email;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    People people;

    TestHttp http;
    final Map<Reader, String> tokens = new HashMap<>();
    final Map<String, String> alertIds = new HashMap<>();

    @BeforeAll
    void publishOneAlertPerLabel() {
        http = new TestHttp(port);
        for (Reader reader : Reader.values()) {
            if (reader.email != null) {
                tokens.put(reader, bearer(http.token(reader.email, "demo-password")));
            }
        }
        TestPeople.TestPerson outsider = testPeople.create(org.cascadehub.directory.Role.MEMBER);
        tokens.put(Reader.OUTSIDER, bearer(http.token(outsider.email(), outsider.password())));
        String security =
                people.findByEmail("security@demo.test").orElseThrow().id().toString();
        for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")) {
            String draft = AlertLifecycleApiTests.MINOR_WESTMINSTER
                    .replace("\"GREEN\"", "\"" + tlp + "\"")
                    .replace(
                            "\"expiresInMinutes\"",
                            "\"audience\": {\"people\": [\"" + security + "\"]}, \"expiresInMinutes\"");
            if (!tlp.equals("RED")) {
                draft = draft.replace("\"audience\": {\"people\": [\"" + security + "\"]}, ", "");
            }
            Response created = http.postJson("/api/v1/alerts", draft, "Authorization", tokens.get(Reader.POLICE));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            if (tlp.equals("CLEAR")) { // public alerts need approval
                http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", tokens.get(Reader.POLICE));
                assertThat(http.postJson(
                                        "/api/v1/alerts/" + id + "/approve",
                                        "",
                                        "Authorization",
                                        tokens.get(Reader.APPROVER))
                                .status())
                        .isEqualTo(200);
            } else {
                assertThat(http.postJson(
                                        "/api/v1/alerts/" + id + "/publish",
                                        "",
                                        "Authorization",
                                        tokens.get(Reader.POLICE))
                                .status())
                        .isEqualTo(200);
            }
            alertIds.put(tlp, id);
        }
    }

    /** May the reader see the alert with this label? The rules of ARCHITECTURE.md's TLP table. */
    static boolean maySee(String tlp, Reader reader) {
        return switch (tlp) {
            case "CLEAR", "GREEN" -> true;
            case "AMBER", "AMBER+STRICT" -> reader != Reader.OUTSIDER;
            case "RED" -> reader == Reader.POLICE || reader == Reader.SECURITY; // the author and the one named
            default -> throw new IllegalArgumentException(tlp);
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")) {
            for (Reader reader : Reader.values()) {
                cases.add(Arguments.of(tlp, reader, maySee(tlp, reader)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "TLP:{0} read by {1}: visible={2}")
    @MethodSource("cases")
    void readingTheAlert(String tlp, Reader reader, boolean visible) {
        Response response = http.get("/api/v1/alerts/" + alertIds.get(tlp), "Authorization", tokens.get(reader));
        assertThat(response.status()).as(response.body()).isEqualTo(visible ? 200 : 404);
        if (!visible) {
            assertThat(response.body()).doesNotContain("Suspicious item");
        }
    }

    @ParameterizedTest(name = "TLP:{0} listed for {1}: visible={2}")
    @MethodSource("cases")
    void findingItInTheList(String tlp, Reader reader, boolean visible) {
        Response response = http.get("/api/v1/alerts?size=200", "Authorization", tokens.get(reader));
        List<String> ids = response.json()
                .get("items")
                .valueStream()
                .map(a -> a.get("id").asString())
                .toList();
        assertThat(ids.contains(alertIds.get(tlp))).isEqualTo(visible);
    }

    @ParameterizedTest(name = "TLP:{0} acknowledged by {1}: visible={2}")
    @MethodSource("cases")
    void acknowledgingIt(String tlp, Reader reader, boolean visible) {
        Response response =
                http.postJson("/api/v1/alerts/" + alertIds.get(tlp) + "/ack", "", "Authorization", tokens.get(reader));
        boolean recipient = tlp.equals("RED")
                ? reader == Reader.SECURITY
                : reader != Reader.ADMIN
                        && reader != Reader.OUTSIDER; // the others' organisations have Westminster sites
        int expected = !visible ? 404 : recipient ? 200 : 409;
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "TLP:{0} acknowledgements followed by {1}")
    @MethodSource("cases")
    void followingAcknowledgements(String tlp, Reader reader, boolean visible) {
        Response response =
                http.get("/api/v1/alerts/" + alertIds.get(tlp) + "/acks", "Authorization", tokens.get(reader));
        boolean staff = reader == Reader.POLICE || reader == Reader.APPROVER || reader == Reader.ADMIN;
        int expected = !visible ? 404 : staff ? 200 : 403;
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void withoutSignInTheApiAnswers401() {
        assertThat(http.get("/api/v1/alerts/" + alertIds.get("CLEAR")).status()).isEqualTo(401);
    }
}

package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Joining the partnership end to end over HTTP: apply, vet, be told by email, set a password, sign in. */
@CascadeTest
class MembershipFlowTests {

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mail;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String admin;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        admin = http.token("admin@demo.test", "demo-password");
    }

    @Test
    void anApprovedApplicantIsToldAndSetsAPasswordThroughTheEmailedLink() {
        Applicant applicant = Applicant.fresh("retail");
        Response applied = http.postJson("/api/v1/applications", applicant.json());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String applicationId = applied.json().get("id").asString();
        awaitEmail(applicant.email(), "We have your application");

        assertThat(http.postJson(
                                "/api/v1/tokens",
                                json(Map.of("email", applicant.email(), "password", "anything at all")))
                        .status())
                .as("a pending applicant cannot sign in")
                .isEqualTo(401);

        assertThat(http.postJson(
                                "/api/v1/applications/" + applicationId + "/approve",
                                "{}",
                                "Authorization",
                                bearer(admin))
                        .status())
                .isEqualTo(204);
        awaitEmail(applicant.email(), "has been vetted");
        String link = awaitEmail(applicant.email(), "/account/set-password?token=");
        String token = tokenFrom(link);

        TestHttp browser = new TestHttp(port);
        assertThat(browser.get("/account/set-password?token=" + token, "Accept", "text/html")
                        .status())
                .isEqualTo(200);
        Response tooShort = browser.postForm(
                "/account/set-password", Map.of("token", token, "password", "short", "confirmation", "short"));
        assertThat(tooShort.body()).contains("at least 12 characters");
        Response set = browser.postForm(
                "/account/set-password",
                Map.of("token", token, "password", "a brand new passphrase", "confirmation", "a brand new passphrase"));
        assertThat(set.location()).endsWith("/sign-in?password-set=true");

        assertThat(http.token(applicant.email(), "a brand new passphrase")).startsWith("cas_");
        Response reused = browser.postForm(
                "/account/set-password",
                Map.of("token", token, "password", "another passphrase", "confirmation", "another passphrase"));
        assertThat(reused.body()).as("a link works once").contains("expired or has already been used");
    }

    @Test
    void aRejectionNeedsAReasonAndTheApplicantIsToldIt() {
        Applicant applicant = Applicant.fresh("retail");
        String id = http.postJson("/api/v1/applications", applicant.json())
                .json()
                .get("id")
                .asString();

        Response noReason =
                http.postJson("/api/v1/applications/" + id + "/reject", "{}", "Authorization", bearer(admin));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("reason");

        Response rejected = http.postJson(
                "/api/v1/applications/" + id + "/reject",
                json(Map.of("reason", "We could not confirm the business address")),
                "Authorization",
                bearer(admin));
        assertThat(rejected.status()).isEqualTo(204);
        awaitEmail(applicant.email(), "We could not confirm the business address");

        Response again = http.postJson("/api/v1/applications/" + id + "/approve", "{}", "Authorization", bearer(admin));
        assertThat(again.status()).isIn(400, 404);
    }

    @Test
    void aBadApplicationNamesEveryFieldAndWritesNothing() {
        long organisations = count("organisation");
        long people = count("person");

        Response response = http.postJson(
                "/api/v1/applications",
                json(Map.of(
                        "organisation",
                        Map.of(
                                "name",
                                "",
                                "sectors",
                                List.of("knitting"),
                                "contactEmail",
                                "not-an-email",
                                "contactPhone",
                                "12"),
                        "applicantName",
                        "",
                        "applicantEmail",
                        "also not an email",
                        "applicantPhone",
                        "call me")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response))
                .contains(
                        "organisation.name",
                        "organisation.kind",
                        "organisation.sectors",
                        "organisation.contactEmail",
                        "organisation.contactPhone",
                        "applicantName",
                        "applicantEmail",
                        "applicantPhone");
        assertThat(count("organisation")).isEqualTo(organisations);
        assertThat(count("person")).isEqualTo(people);
    }

    @Test
    void anUnknownKindIsNamed() {
        Response response = http.postJson(
                "/api/v1/applications",
                "{\"organisation\":{\"name\":\"X\",\"kind\":\"PIRATE_SHIP\"},\"applicantName\":\"A\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .contains("organisation.kind")
                .contains("PIRATE_SHIP");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static List<String> fields(Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private String awaitEmail(String to, String containing) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestMail.messagesTo(mail, to).stream()
                                .filter(m -> m.contains(containing))
                                .findFirst()
                                .orElse(null),
                        message -> message != null);
    }

    private static String tokenFrom(String email) {
        Matcher matcher =
                Pattern.compile("set-password\\?token=([A-Za-z0-9_-]+)").matcher(email);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** A unique applicant, so tests never collide in the shared database. */
    record Applicant(String organisation, String email, String sector) {
        static Applicant fresh(String sector) {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return new Applicant("Applicant Shop " + unique, "applicant-" + unique + "@example.test", sector);
        }

        String json() {
            return TestHttp.json(Map.of(
                    "organisation",
                    Map.of(
                            "name",
                            organisation,
                            "kind",
                            "BUSINESS",
                            "sectors",
                            List.of(sector),
                            "contactEmail",
                            "info@" + organisation.replace(" ", "").toLowerCase() + ".example",
                            "address",
                            "1 Example Street, London"),
                    "applicantName",
                    "Pat Applicant",
                    "applicantEmail",
                    email,
                    "applicantPhone",
                    "020 7946 0123",
                    "message",
                    "We run a shop on the Strand."));
        }
    }
}

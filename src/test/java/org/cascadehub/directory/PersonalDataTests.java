package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;
import static org.cascadehub.support.TestHttp.json;

import java.time.Duration;
import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.audit.AuditLog;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Subject access exports, erasure, and suspension ending access at once. */
@CascadeTest
class PersonalDataTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    TestHttp http;
    String admin;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        admin = http.token("admin@demo.test", "demo-password");
    }

    @Test
    void aPersonExportsEverythingHeldAboutThemWithoutSecrets() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());

        Response export = http.get("/api/v1/people/" + person.id() + "/export", "Authorization", bearer(token));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("content-disposition"))
                .hasValueSatisfying(h -> assertThat(h).contains("attachment"));
        assertThat(export.json().propertyNames()).contains("person", "directory", "access", "audit", "emails");
        assertThat(export.json().get("person").get("email").asString()).isEqualTo(person.email());
        assertThat(export.json().get("access").get("apiTokens")).hasSize(1);
        assertThat(export.body())
                .doesNotContain(token)
                .doesNotContain("{bcrypt}")
                .doesNotContain(person.password());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM audit_entry WHERE action = 'PersonExported' AND detail LIKE ?")
                                .param("%" + person.id() + "%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void onlyThePersonOrAnAdministratorMayExport() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String someoneElse = http.token("guard@demo.test", "demo-password");

        assertThat(http.get("/api/v1/people/" + person.id() + "/export", "Authorization", bearer(someoneElse))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/people/" + person.id() + "/export", "Authorization", bearer(admin))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void erasureLeavesATombstoneAndEndsAccessWhileTheAuditChainHolds() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());
        String guard = http.token("guard@demo.test", "demo-password");

        assertThat(http.postJson("/api/v1/people/" + person.id() + "/erase", "{}", "Authorization", bearer(guard))
                        .status())
                .as("only administrators erase")
                .isEqualTo(403);
        assertThat(http.postJson("/api/v1/people/" + person.id() + "/erase", "{}", "Authorization", bearer(admin))
                        .status())
                .isEqualTo(204);

        assertThat(http.get("/api/v1/people/" + person.id(), "Authorization", bearer(admin))
                        .status())
                .isEqualTo(404);
        Map<String, Object> row = jdbc.sql("SELECT display_name, email, phone, status FROM person WHERE id = ?")
                .param(person.id().value())
                .query()
                .singleRow();
        assertThat(row).containsEntry("display_name", "Erased person").containsEntry("status", "ERASED");
        assertThat(row.get("email").toString()).doesNotContain(person.email());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token))
                                .status())
                        .isEqualTo(401));
        assertThat(http.postJson("/api/v1/tokens", json(Map.of("email", person.email(), "password", person.password())))
                        .status())
                .isEqualTo(401);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void suspendingAnOrganisationEndsItsPeoplesSessionsAndTokensAtOnce() {
        TestPerson person = testPeople.create(Role.SECURITY_MANAGER);
        String organisation = http.get("/api/v1/people/" + person.id(), "Authorization", bearer(admin))
                .json()
                .get("organisationId")
                .asString();
        String token = http.token(person.email(), person.password());
        TestHttp browser = new TestHttp(port);
        browser.signIn(person.email(), person.password());
        assertThat(browser.get("/", "Accept", "text/html").status()).isEqualTo(200);

        Response noReason = http.postJson(
                "/api/v1/organisations/" + organisation + "/suspend", "{}", "Authorization", bearer(admin));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(http.postJson(
                                "/api/v1/organisations/" + organisation + "/suspend",
                                json(Map.of("reason", "Licence under review")),
                                "Authorization",
                                bearer(admin))
                        .status())
                .isEqualTo(204);

        assertThat(browser.get("/", "Accept", "text/html").location()).endsWith("/sign-in");
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token)).status())
                .isEqualTo(401);

        assertThat(http.postJson(
                                "/api/v1/organisations/" + organisation + "/reinstate",
                                "{}",
                                "Authorization",
                                bearer(admin))
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/tokens", "Authorization", bearer(token)).status())
                .isEqualTo(200);
    }
}

package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Limits on what a security manager (and a sector lead) may do that the access matrix found missing. */
@CascadeTest
class SecurityManagerLimitsTests {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Credentials credentials;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String security;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        security = bearer(http.token("security@demo.test", "demo-password"));
    }

    @Test
    void aSecurityManagerCannotTakeOverASectorLeadsAccountByChangingItsEmail() {
        OrganisationId strand =
                organisations.findByName("Strand Arcade Retail Ltd").orElseThrow();
        String email = "lead-" + unique() + "@example.test";
        PersonId lead = people.enrol(
                strand,
                new PersonDetails(
                        "Lee Lead", email, null, null, Set.of(Role.SECTOR_LEAD), List.of("retail"), true, false));

        Response changed = http.putJson(
                "/api/v1/people/" + lead,
                TestHttp.json(Map.of(
                        "name",
                        "Lee Lead",
                        "email",
                        "mine-" + unique() + "@example.test",
                        "roles",
                        List.of("SECTOR_LEAD"),
                        "leadSectors",
                        List.of("retail"),
                        "notifyEmail",
                        true,
                        "notifySms",
                        false)),
                "Authorization",
                security);
        Response suspended = http.postJson("/api/v1/people/" + lead + "/suspend", "{}", "Authorization", security);

        assertThat(changed.status()).as(changed.body()).isEqualTo(403);
        assertThat(changed.json().get("detail").asString()).contains("sector lead");
        assertThat(suspended.status()).isEqualTo(403);
        Person after = people.find(lead).orElseThrow();
        assertThat(after.email()).isEqualTo(email);
        assertThat(after.status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void aSecurityManagerCannotChangeWhatKindOfOrganisationTheirsIs() {
        OrganisationId strand =
                organisations.findByName("Strand Arcade Retail Ltd").orElseThrow();
        Organisation before = organisations.find(strand).orElseThrow();

        Response response = http.putJson(
                "/api/v1/organisations/" + strand,
                TestHttp.json(
                        Map.of("name", before.name(), "kind", "POLICE_UNIT", "sectors", List.copyOf(before.sectors()))),
                "Authorization",
                security);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(organisations.find(strand).orElseThrow().kind()).isEqualTo(OrganisationKind.BUSINESS);
    }

    @Test
    void anAdministratorCanChangeAnOrganisationsKind() {
        OrganisationId unit = organisations.register("Matrix Unit " + unique(), OrganisationKind.OTHER);
        String admin = bearer(http.token("admin@demo.test", "demo-password"));

        Response response = http.putJson(
                "/api/v1/organisations/" + unit,
                TestHttp.json(
                        Map.of("name", organisations.find(unit).orElseThrow().name(), "kind", "POLICE_UNIT")),
                "Authorization",
                admin);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(organisations.find(unit).orElseThrow().kind()).isEqualTo(OrganisationKind.POLICE_UNIT);
    }

    @Test
    void nobodyVetsTheirOwnOrganisation() {
        String unique = unique();
        OrganisationId shop = organisations.register(
                new OrganisationDetails(
                        "Own Vetting " + unique, OrganisationKind.BUSINESS, List.of("retail"), null, null, null, null),
                OrganisationStatus.VETTED);
        String email = "own-lead-" + unique + "@example.test";
        PersonId lead = people.enrol(
                shop,
                new PersonDetails(
                        "Own Lead", email, null, null, Set.of(Role.SECTOR_LEAD), List.of("retail"), true, false));
        credentials.setPassword(lead, "correct horse " + unique);
        // An open application for the lead's own organisation (as when one re-applies after a change).
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_application (id, organisation_id, applicant_person_id, message, submitted_at)
                VALUES (?, ?, ?, 'again', ?)
                """)
                .params(application, shop.value(), lead.value(), Timestamp.from(Instant.now()))
                .update();
        String token = bearer(http.token(email, "correct horse " + unique));

        Response approve =
                http.postJson("/api/v1/applications/" + application + "/approve", "{}", "Authorization", token);
        Response reject = http.postJson(
                "/api/v1/applications/" + application + "/reject", "{\"reason\":\"mine\"}", "Authorization", token);

        assertThat(approve.status()).isEqualTo(403);
        assertThat(approve.json().get("detail").asString()).contains("own organisation");
        assertThat(reject.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT decision FROM membership_application WHERE id = ?")
                        .param(application)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

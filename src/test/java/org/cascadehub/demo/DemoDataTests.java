package org.cascadehub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.demo.DemoAccounts.DemoAccount;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo data as loaded into the shared test database at start-up. */
@CascadeTest
class DemoDataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    @Autowired
    Boroughs boroughs;

    @Test
    void theDemoAccountsAreExactlyAsBefore() {
        for (DemoAccount account : DemoAccounts.ALL) {
            PersonSummary person = people.findByEmail(account.email()).orElseThrow();
            assertThat(person.name()).isEqualTo(account.name());
            assertThat(person.organisationName()).isEqualTo(account.organisation());
            assertThat(person.roles()).isEqualTo(account.roles());
            String kind = jdbc.sql("SELECT kind FROM organisation WHERE id = ?")
                    .param(person.organisationId().value())
                    .query(String.class)
                    .single();
            assertThat(kind).isEqualTo(account.kind().name());
        }
        assertThat(jdbc.sql("SELECT sector_code FROM person_lead_sector l JOIN person p ON p.id = l.person_id "
                                + "WHERE p.email = 'retail-lead@demo.test'")
                        .query(String.class)
                        .list())
                .containsExactly("retail");
    }

    @Test
    void aLondonPartnershipSurroundsThem() {
        assertThat(count("SELECT count(*) FROM organisation WHERE name LIKE 'Metropolitan Police – %'"))
                .isGreaterThanOrEqualTo(12);
        assertThat(count("SELECT count(*) FROM organisation")).isGreaterThanOrEqualTo(60);
        assertThat(count("SELECT count(*) FROM person WHERE email LIKE '%@demo.test'"))
                .isGreaterThanOrEqualTo(300);
        assertThat(count("SELECT count(*) FROM site")).isGreaterThanOrEqualTo(145);
        assertThat(count("SELECT count(DISTINCT borough_code) FROM site")).isEqualTo(33);
        assertThat(jdbc.sql("SELECT name FROM sharing_group")
                        .query(String.class)
                        .list())
                .contains("Westminster BCRP", "West End Night-time Economy");
        assertThat(jdbc.sql("""
                        SELECT o.name FROM sharing_group_member m
                        JOIN sharing_group g ON g.id = m.sharing_group_id JOIN organisation o ON o.id = m.organisation_id
                        WHERE g.name = 'Westminster BCRP'
                        """).query(String.class).list())
                .contains(
                        "Strand Arcade Retail Ltd",
                        "Westminster Business Crime Reduction Partnership",
                        "Metropolitan Police – Westminster");
    }

    @Test
    void everySitesBoroughIsTheOneItsPointIsIn() {
        List<Map<String, Object>> sites = jdbc.sql("SELECT latitude, longitude, borough_code FROM site")
                .query()
                .listOfRows();

        assertThat(sites)
                .isNotEmpty()
                .allSatisfy(site -> assertThat(
                                boroughs.containing((Double) site.get("latitude"), (Double) site.get("longitude")))
                        .map(Borough::code)
                        .hasValue((String) site.get("borough_code")));
    }

    @Test
    void theBulkLoadIsAuditedOnceNotRowByRow() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'DirectoryBulkLoaded'"))
                                .isGreaterThanOrEqualTo(1));
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'PersonJoined'"))
                .as("only the demo accounts, and people tests add, joined one by one")
                .isLessThan(count("SELECT count(*) FROM person"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

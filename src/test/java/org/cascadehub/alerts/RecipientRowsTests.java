package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recipients written in two steps (one pending row in the publishing transaction, expanded after
 * the broadcast): while an alert's recipients are still pending, every read sees them, the policy
 * answers as it will afterwards, and an acknowledgement writes them out first. Each test puts a
 * published alert's recipients back into the pending state, as a crash right after the commit
 * would leave them.
 */
@CascadeTest
class RecipientRowsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientRows rows;

    @Autowired
    Alerts alerts;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    People people;

    @Autowired
    TestPeople testPeople;

    @Autowired
    TransactionTemplate transactions;

    TestHttp http;
    PendingRecipients pending;
    String police;
    String security;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        pending = new PendingRecipients(jdbc, rows, alerts, transactions);
        police = bearer(http.token("police@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
    }

    @Test
    void publishingWritesEveryRecipientOutInTheBackgroundAndLeavesNothingPending() {
        long id = publishAmber();

        assertThat(written(id)).isPositive();
        assertThat(pending.rows(id)).isZero();
    }

    @Test
    void pendingRecipientsAreSeenByEveryReadAndThePolicy() {
        long id = publishAmber();
        int recipients = written(id);
        pending.putBack(id);
        TestPeople.TestPerson stranger = testPeople.create(Role.MEMBER);
        String outsider = bearer(http.token(stranger.email(), stranger.password()));

        assertThat(written(id)).isZero();
        assertThat(acknowledgements.count(new AlertId(id)).recipients()).isEqualTo(recipients);
        assertThat(alerts.isRecipient(new AlertId(id), person("security@demo.test")))
                .isTrue();
        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", security).status())
                .as("a recipient's organisation sees the AMBER alert")
                .isEqualTo(200);
        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", outsider).status())
                .as("an organisation it did not reach does not")
                .isEqualTo(404);
        assertThat(http.get("/api/v1/alerts?limit=100", "Authorization", security)
                        .body())
                .contains("\"id\":" + id);
    }

    @Test
    void anAcknowledgementWhileRecipientsArePendingWritesThemOutAndIsRecorded() {
        long id = publishAmber();
        int recipients = written(id);
        pending.putBack(id);

        TestHttp.Response ack = http.postJson("/api/v1/alerts/" + id + "/ack", "", "Authorization", security);

        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(pending.rows(id)).isZero();
        assertThat(written(id)).isEqualTo(recipients);
        assertThat(acknowledgements.count(new AlertId(id))).isEqualTo(new Acknowledgements.Count(recipients, 1));
    }

    @Test
    void leftoversAreWrittenOnceHoweverOftenTheyAreExpanded() {
        long id = publishAmber();
        int recipients = written(id);
        pending.putBack(id);

        rows.expandLeftovers();
        rows.expandLeftovers();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending.rows(id) == 0); // in the background
        transactions.executeWithoutResult(status -> rows.expand(List.of(id)));

        assertThat(pending.rows(id)).isZero();
        assertThat(written(id)).isEqualTo(recipients);
        assertThat(acknowledgements.count(new AlertId(id)).recipients()).isEqualTo(recipients);
    }

    @Test
    void aReadOfOneAlertUnpacksOnlyThatAlertsPendingRow() {
        long one = publishAmber();
        long other = publishAmber();
        int recipients = written(one);
        pending.putBack(one);
        pending.putBack(other);

        String plan = planThroughView("*", one);

        // The condition reaches the pending row (V19), not the unpacked rows of every pending alert.
        assertThat(plan).containsPattern("(Index Cond|Filter): \\(p\\.alert_id = ");
        assertThat(plan).doesNotContainPattern("\\bt\\.alert_id = ");
        assertThat(readThroughView("count(*)", one)).isEqualTo(recipients);
    }

    @Test
    void aReadThroughTheViewCarriesNoneOfThePackedBytesIntoItsSorts() {
        long id = publishAmber();
        pending.putBack(id);

        String plan = planThroughView("count(DISTINCT organisation_id)", id);

        // Inlined, the function's in-memory copy of the packed recipients went into the sort with
        // every expanded row: 8 GB on disk for one pending alert of 19,000 people (V19).
        assertThat(plan).contains("Function Scan on public.alert_recipient_pending_rows");
        assertThat(plan).doesNotContain("recipients ||");
        assertThat(readThroughView("count(DISTINCT organisation_id)", id)).isPositive();
    }

    private String planThroughView(String select, long alert) {
        return String.join(
                "\n",
                jdbc.sql("EXPLAIN (VERBOSE) SELECT " + select + " FROM alert_recipient_all WHERE alert_id = ?")
                        .param(alert)
                        .query(String.class)
                        .list());
    }

    private int readThroughView(String count, long alert) {
        return jdbc.sql("SELECT " + count + " FROM alert_recipient_all WHERE alert_id = ?")
                .param(alert)
                .query(Integer.class)
                .single();
    }

    @Test
    void everyFieldSurvivesThePendingRowAndItsExpansion() {
        long id = http.postJson("/api/v1/alerts", AlertLifecycleApiTests.MINOR_WESTMINSTER, "Authorization", police)
                .json()
                .get("id")
                .asLong(); // a draft: only the foreign key matters here
        OrganisationId shared = new OrganisationId(UUID.randomUUID());
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // as many as an alert for all of London reaches here
            recipients.add(new Recipient(
                    new PersonId(UUID.randomUUID()),
                    i % 3 == 0 ? shared : new OrganisationId(UUID.randomUUID()),
                    i % 7 == 0 ? null : (i % 2 == 0 ? "westminster" : "city-of-london"),
                    switch (i % 4) {
                        case 0 -> Set.of();
                        case 1 -> Set.of("retail");
                        default -> Set.of("retail", "night-time-economy", "transport");
                    },
                    i % 5 != 0,
                    i % 2 == 0));
        }
        recipients.sort(Comparator.comparing(r -> r.personId().toString())); // as PostgreSQL orders UUIDs

        transactions.executeWithoutResult(status -> rows.store(new AlertId(id), recipients));
        assertThat(stored(id)).as("read while pending").isEqualTo(recipients);

        transactions.executeWithoutResult(status -> rows.expand(List.of(id)));
        assertThat(pending.rows(id)).isZero();
        assertThat(stored(id)).as("read once written out").isEqualTo(recipients);
    }

    private long publishAmber() {
        String draft = AlertLifecycleApiTests.MINOR_WESTMINSTER.replace("\"GREEN\"", "\"AMBER\"");
        long id = http.postJson("/api/v1/alerts", draft, "Authorization", police)
                .json()
                .get("id")
                .asLong();
        TestHttp.Response published = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        // written out in the background once the broadcast is out
        await().atMost(Duration.ofSeconds(30)).until(() -> pending.rows(id) == 0);
        return id;
    }

    /** Moves an alert's recipient rows back into one pending row, as the publishing transaction leaves them. */

    /** Recipients as every read sees them (rows and pending), in person order. */
    private List<Recipient> stored(long id) {
        return alerts.recipientsFromDatabase(new AlertId(id));
    }

    private int written(long id) {
        return jdbc.sql("SELECT count(*) FROM alert_recipient WHERE alert_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private PersonId person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }
}

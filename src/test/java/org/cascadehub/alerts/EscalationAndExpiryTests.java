package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Escalation steps and expiry, driven by the instant passed in (the controllable clock): nothing
 * escalates early, each step waits its turn, and an acknowledgement stops it.
 */
@CascadeTest
class EscalationAndExpiryTests {

    @LocalServerPort
    int port;

    @Autowired
    Escalations escalations;

    @Autowired
    AlertExpiry expiry;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecipientRows rows;

    @Autowired
    Alerts alerts;

    @Autowired
    TransactionTemplate transactions;

    TestHttp http;
    PendingRecipients pending;
    String police;
    String approver;
    String security;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        pending = new PendingRecipients(jdbc, rows, alerts, transactions);
        police = bearer(http.token("police@demo.test", "demo-password"));
        approver = bearer(http.token("approver@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
    }

    @Test
    void anUnacknowledgedSevereAlertEscalatesOneStepPerIntervalUntilAcknowledged() {
        JsonNode alert = publishSevere();
        long id = alert.get("id").asLong();
        Instant published = Instant.parse(alert.get("publishedAt").asString());
        UUID securityId =
                people.findByEmail("security@demo.test").orElseThrow().id().value();
        UUID guardId = people.findByEmail("guard@demo.test").orElseThrow().id().value();

        escalations.escalateDue(published.plus(Duration.ofMinutes(9)));
        assertThat(level(id, guardId)).as("not yet due").isZero();

        escalations.escalateDue(published.plus(Duration.ofMinutes(10)));
        assertThat(level(id, guardId)).as("email after 10 minutes").isEqualTo(1);
        escalations.escalateDue(published.plus(Duration.ofMinutes(11)));
        assertThat(level(id, guardId)).as("one step per interval").isEqualTo(1);

        http.postJson("/api/v1/alerts/" + id + "/ack", "", "Authorization", security);
        escalations.escalateDue(published.plus(Duration.ofMinutes(20)));
        assertThat(level(id, guardId)).as("SMS after 20 minutes").isEqualTo(2);
        assertThat(level(id, securityId)).as("acknowledging stops escalation").isEqualTo(1);

        escalations.escalateDue(published.plus(Duration.ofMinutes(30)));
        escalations.escalateDue(published.plus(Duration.ofMinutes(40)));
        escalations.escalateDue(published.plus(Duration.ofMinutes(50)));
        assertThat(level(id, guardId))
                .as("the security manager is told last, once")
                .isEqualTo(3);
    }

    @Test
    void aPendingAlertIsWrittenOutWhenItsFirstStepFallsDueAndNotBefore() {
        JsonNode alert = publishSevere();
        long id = alert.get("id").asLong();
        Instant published = Instant.parse(alert.get("publishedAt").asString());
        UUID guardId = people.findByEmail("guard@demo.test").orElseThrow().id().value();
        pending.putBack(id);

        escalations.escalateDue(published.plus(Duration.ofMinutes(9)));
        assertThat(pending.rows(id))
                .as("nothing due yet: left to its own expansion")
                .isEqualTo(1);

        escalations.escalateDue(published.plus(Duration.ofMinutes(10)));
        assertThat(pending.rows(id)).as("written out for the escalation").isZero();
        assertThat(level(id, guardId)).as("and escalated in the same run").isEqualTo(1);
    }

    @Test
    void anEscalationRunLeavesPendingAlertsThatCannotEscalateAlone() {
        long minor = publishMinor();
        JsonNode severe = publishSevere();
        long expired = severe.get("id").asLong();
        Instant published = Instant.parse(severe.get("publishedAt").asString());
        jdbc.sql("UPDATE alert SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(published.plus(Duration.ofMinutes(5))), expired)
                .update();
        pending.putBack(minor);
        pending.putBack(expired);

        escalations.escalateDue(published.plus(Duration.ofMinutes(30)));

        assertThat(pending.rows(minor)).as("a Minor alert never escalates").isEqualTo(1);
        assertThat(pending.rows(expired))
                .as("an expired alert escalates no more")
                .isEqualTo(1);
    }

    @Test
    void aMinorAlertNeverEscalates() {
        String draft = AlertLifecycleApiTests.MINOR_WESTMINSTER;
        JsonNode created =
                http.postJson("/api/v1/alerts", draft, "Authorization", police).json();
        long id = created.get("id").asLong();
        JsonNode published = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police)
                .json();
        Instant at = Instant.parse(published.get("publishedAt").asString());
        awaitWrittenOut(id);

        escalations.escalateDue(at.plus(Duration.ofMinutes(30)));

        assertThat(jdbc.sql("SELECT max(escalation_level) FROM alert_recipient WHERE alert_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCurrentAlertExpiresAtItsTimeAndNotBefore() {
        String draft = AlertLifecycleApiTests.MINOR_WESTMINSTER.replace(
                "\"expiresInMinutes\": 120", "\"expiresInMinutes\": 1");
        long id = http.postJson("/api/v1/alerts", draft, "Authorization", police)
                .json()
                .get("id")
                .asLong();
        JsonNode published = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police)
                .json();
        Instant expires = Instant.parse(published.get("expires").asString());

        assertThat(expiry.expireDue(expires.minusSeconds(1))).doesNotContain(new AlertId(id));
        assertThat(expiry.expireDue(expires)).contains(new AlertId(id));
        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", police)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("EXPIRED");
    }

    /** The schedulers' own entry points: their events must reach the transactional listeners (audit, channels). */
    @Test
    void theScheduledRunsPublishTheirEventsInsideATransaction() {
        long severe = publishSevere().get("id").asLong();
        jdbc.sql("UPDATE alert SET published_at = published_at - interval '11 minutes' WHERE id = ?")
                .param(severe)
                .update();
        String draft = AlertLifecycleApiTests.MINOR_WESTMINSTER.replace(
                "\"expiresInMinutes\": 120", "\"expiresInMinutes\": 1");
        long minor = http.postJson("/api/v1/alerts", draft, "Authorization", police)
                .json()
                .get("id")
                .asLong();
        http.postJson("/api/v1/alerts/" + minor + "/publish", "", "Authorization", police);
        jdbc.sql("UPDATE alert SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(minor)
                .update();

        escalations.run();
        expiry.run();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(audited("AlertEscalated", severe))
                    .as("escalation audited")
                    .isTrue();
            assertThat(audited("AlertExpired", minor)).as("expiry audited").isTrue();
        });
    }

    private boolean audited(String action, long alert) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE action = ? AND detail ~ ?)")
                .params(action, "\\D" + alert + "(\\D|$)")
                .query(Boolean.class)
                .single();
    }

    private JsonNode publishSevere() {
        long id = draft(AlertLifecycleApiTests.SEVERE_WESTMINSTER);
        http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", police);
        JsonNode published = http.postJson("/api/v1/alerts/" + id + "/approve", "", "Authorization", approver)
                .json();
        awaitWrittenOut(id);
        return published;
    }

    private int level(long alert, UUID person) {
        return jdbc.sql("SELECT escalation_level FROM alert_recipient WHERE alert_id = ? AND person_id = ?")
                .params(alert, person)
                .query(Integer.class)
                .single();
    }

    private long publishMinor() {
        long id = draft(AlertLifecycleApiTests.MINOR_WESTMINSTER);
        http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);
        awaitWrittenOut(id);
        return id;
    }

    /** The background expansion has run, so nothing but the test moves the rows afterwards. */
    private void awaitWrittenOut(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending.rows(id) == 0);
    }

    private long draft(String body) {
        return http.postJson("/api/v1/alerts", body, "Authorization", police)
                .json()
                .get("id")
                .asLong();
    }
}

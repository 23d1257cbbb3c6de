package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.Acknowledgements.Acknowledgement;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Conflict;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A city's burst of acknowledgements: thousands in flight at once from distinct recipients are each
 * written once and answered what is stored, repeats included; a cancelled or expired alert refuses
 * new ones with a clear problem but still answers those already given; and who may see an alert is
 * answered alike from memory and from the database.
 */
@CascadeTest
class AcknowledgementBurstTests {

    @LocalServerPort
    int port;

    @Autowired
    AcknowledgementWriter writer;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    SentAlerts sentAlerts;

    @Autowired
    Alerts alerts;

    @Autowired
    People people;

    @Autowired
    TestPeople testPeople;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String police;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
    }

    @Test
    void thousandsInFlightAtOnceAreEachWrittenOnceAndEveryCallerIsAnsweredWhatIsStored() throws Exception {
        AlertId alert = publish(AlertLifecycleApiTests.MINOR_WESTMINSTER);
        List<PersonId> recipients = recipients(alert, 3000);
        CountDownLatch go = new CountDownLatch(1);
        Map<PersonId, List<Future<Acknowledgement>>> answers = new HashMap<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // every recipient twice, by two channels, all started together
            for (String channel : List.of("api", "sms")) {
                for (PersonId person : recipients) {
                    answers.computeIfAbsent(person, p -> new ArrayList<>()).add(callers.submit(() -> {
                        go.await();
                        return writer.acknowledge(alert, person, channel, Instant.now())
                                .orElseThrow();
                    }));
                }
            }
            go.countDown();
        }

        Map<PersonId, Acknowledgement> stored = stored(alert);
        assertThat(stored).hasSize(recipients.size());
        for (PersonId person : recipients) {
            assertThat(stored.get(person).channel()).isIn("api", "sms");
            for (Future<Acknowledgement> answer : answers.get(person)) {
                assertThat(answer.get())
                        .as("the first acknowledgement, for the caller who gave it and for the repeat")
                        .isEqualTo(stored.get(person));
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String audited = String.join(
                    "\n",
                    jdbc.sql(
                                    "SELECT detail FROM audit_entry WHERE action = 'AcknowledgementsRecorded' AND detail LIKE ?")
                            .param("%\"alertId\":" + alert.value() + ",%")
                            .query(String.class)
                            .list());
            for (PersonId person : recipients) {
                assertThat(audited.split(person.value().toString(), -1))
                        .as("audited once")
                        .hasSize(2);
            }
        });
    }

    @Test
    void aCancelledAlertRefusesANewAcknowledgementAndStillAnswersOneGivenBefore() {
        String security = bearer(http.token("security@demo.test", "demo-password"));
        String guard = bearer(http.token("guard@demo.test", "demo-password"));
        AlertId alert = publish(AlertLifecycleApiTests.MINOR_WESTMINSTER);
        Response given = ack(alert, security);
        assertThat(given.status()).as(given.body()).isEqualTo(200);

        Response cancelled = http.postJson(
                "/api/v1/alerts/" + alert.value() + "/cancel", "{\"reason\": \"All clear\"}", "Authorization", police);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        Response refused = ack(alert, guard);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Alert " + alert.value() + " is cancelled, so it can no longer be acknowledged.");
        assertThat(acknowledgements.of(alert, person("guard@demo.test"))).isEmpty();

        Response again = ack(alert, security);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("acknowledgedAt").asString())
                .isEqualTo(given.json().get("acknowledgedAt").asString());
    }

    @Test
    void anExpiredAlertRefusesNewAcknowledgementsByEveryWayIn() {
        String security = bearer(http.token("security@demo.test", "demo-password"));
        AlertId alert = publish(AlertLifecycleApiTests.MINOR_WESTMINSTER);
        jdbc.sql("UPDATE alert SET status = 'EXPIRED' WHERE id = ?")
                .param(alert.value())
                .update();

        Response refused = ack(alert, security);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("has expired");
        assertThatThrownBy(() -> acknowledgements.acknowledgeFor(person("guard@demo.test"), alert, "sms"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("has expired");
        assertThat(count(alert)).isZero();
    }

    @Test
    void whoMaySeeAnAlertIsAnsweredAlikeFromMemoryAndFromTheDatabase() {
        AlertId amber = publish(AlertLifecycleApiTests.SEVERE_WESTMINSTER.replace("Severe", "Minor"));
        AlertId draft = draft(AlertLifecycleApiTests.MINOR_WESTMINSTER);
        // A fresh instance has no recent recipients and no alerts kept: every answer from the database.
        SentAlerts fromDatabase = new SentAlerts(alerts, new RecentRecipients());
        Viewer outsider = viewer(testPeople.create(Role.MEMBER).id());
        Map<String, Viewer> viewers = Map.of(
                "security", viewer(person("security@demo.test")),
                "guard", viewer(person("guard@demo.test")),
                "police", viewer(person("police@demo.test")),
                "outsider", outsider);
        Set<String> seeAmber = Set.of("security", "guard", "police");
        viewers.forEach((name, viewer) -> {
            assertThat(sentAlerts.visible(viewer, amber).isPresent())
                    .as("%s sees the AMBER alert, from memory", name)
                    .isEqualTo(seeAmber.contains(name))
                    .isEqualTo(fromDatabase.visible(viewer, amber).isPresent());
            assertThat(sentAlerts.visible(viewer, draft).isPresent())
                    .as("%s sees the draft", name)
                    .isEqualTo(name.equals("police"))
                    .isEqualTo(fromDatabase.visible(viewer, draft).isPresent());
        });
        assertThat(sentAlerts.visible(viewers.get("security"), new AlertId(Long.MAX_VALUE)))
                .isEmpty();
    }

    private Response ack(AlertId alert, String token) {
        return http.postJson("/api/v1/alerts/" + alert.value() + "/ack", "", "Authorization", token);
    }

    private AlertId draft(String json) {
        JsonNode draft =
                http.postJson("/api/v1/alerts", json, "Authorization", police).json();
        return new AlertId(draft.get("id").asLong());
    }

    private AlertId publish(String json) {
        AlertId alert = draft(json);
        Response published = http.postJson("/api/v1/alerts/" + alert.value() + "/publish", "", "Authorization", police);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return alert;
    }

    private PersonId person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    private Viewer viewer(PersonId person) {
        return people.authenticated(person).orElseThrow().viewer();
    }

    /** Recipients made up for the alert, in its recipient table only: the writer needs no more. */
    private List<PersonId> recipients(AlertId alert, int n) {
        List<PersonId> made = new ArrayList<>();
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            PersonId person = new PersonId(UUID.randomUUID());
            made.add(person);
            ids[i] = person.value().toString();
        }
        jdbc.sql("""
                INSERT INTO alert_recipient (alert_id, person_id, organisation_id, borough_code, sectors,
                                             via_email, via_sms)
                SELECT ?, p, gen_random_uuid(), 'westminster', '{}', false, false FROM unnest(?::uuid[]) AS p
                """).params(alert.value(), ids).update();
        return made;
    }

    private Map<PersonId, Acknowledgement> stored(AlertId alert) {
        Map<PersonId, Acknowledgement> stored = new HashMap<>();
        jdbc.sql("""
                SELECT person_id, acknowledged_at, ack_channel FROM alert_recipient
                WHERE alert_id = ? AND acknowledged_at IS NOT NULL
                """).param(alert.value()).query(rs -> {
            PersonId person = new PersonId(rs.getObject(1, UUID.class));
            stored.put(
                    person,
                    new Acknowledgement(alert, person, rs.getTimestamp(2).toInstant(), rs.getString(3)));
        });
        return stored;
    }

    private int count(AlertId alert) {
        return jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ?")
                .param(alert.value())
                .query(Integer.class)
                .single();
    }
}

package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.AcknowledgementWriter.Request;
import org.cascadehub.alerts.Acknowledgements.Acknowledgement;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acknowledgements written in batches: many callers at once are each written once and audited
 * once, a repeat answers the first, a bad acknowledgement fails only its own caller, a full queue
 * holds callers back, and stopping writes everything queued before it ends.
 */
@CascadeTest
class AcknowledgementWriterTests {

    @LocalServerPort
    int port;

    @Autowired
    AcknowledgementWriter writer;

    @Autowired
    AcknowledgementBatch batch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    TestHttp http;
    String police;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new AcknowledgementSettings(10, 10, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cascade.alerts.acknowledgements.writers must be 1 or more");
        assertThatThrownBy(() -> new AcknowledgementSettings(0, 10, Duration.ofSeconds(1), 2))
                .hasMessage("cascade.alerts.acknowledgements.queue must be 1 or more");
        assertThatThrownBy(() -> new AcknowledgementSettings(10, 0, Duration.ofSeconds(1), 2))
                .hasMessage("cascade.alerts.acknowledgements.batch must be 1 or more");
        assertThatThrownBy(() -> new AcknowledgementSettings(10, 10, Duration.ZERO, 2))
                .hasMessage("cascade.alerts.acknowledgements.timeout must be more than 0");
    }

    @Test
    void manyCallersAtOnceAreEachWrittenOnceAnsweredTheFirstTimeAndAuditedOnce() throws Exception {
        AlertId alert = publish();
        List<PersonId> people = recipients(alert, 400);
        Map<PersonId, List<Future<Acknowledgement>>> answers = new HashMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(64)) {
            for (int round = 0; round < 2; round++) {
                String channel = round == 0 ? "api" : "sms";
                for (PersonId person : people) {
                    answers.computeIfAbsent(person, p -> new ArrayList<>())
                            .add(callers.submit(() -> writer.acknowledge(alert, person, channel, now())
                                    .orElseThrow()));
                }
            }
        }

        assertThat(jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ?")
                        .param(alert.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(people.size());
        for (PersonId person : people) {
            Acknowledgement stored = stored(alert, person);
            for (Future<Acknowledgement> answer : answers.get(person)) {
                assertThat(answer.get())
                        .as("both callers are answered the first acknowledgement")
                        .isEqualTo(stored);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String audited = String.join("\n", auditDetails(alert));
            for (PersonId person : people) {
                assertThat(occurrences(audited, person.value().toString()))
                        .as("audited once, with who acknowledged")
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void aRepeatChangesNothingAndAnswersTheFirstAcknowledgement() {
        AlertId alert = publish();
        PersonId person = recipients(alert, 1).getFirst();

        Acknowledgement first =
                writer.acknowledge(alert, person, "email", now()).orElseThrow();
        Acknowledgement again =
                writer.acknowledge(alert, person, "sms", now().plusSeconds(5)).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.channel()).isEqualTo("email");
    }

    @Test
    void aBadAcknowledgementFailsOnlyItsOwnCallerAndANonRecipientIsAnsweredEmpty() {
        AlertId alert = publish();
        List<PersonId> people = recipients(alert, 3);
        Request good = request(alert, people.get(0), "api");
        Request bad = request(alert, people.get(1), "nul\u0000byte");
        Request other = request(alert, people.get(2), "screen");
        Request stranger = request(alert, new PersonId(UUID.randomUUID()), "api");

        writer.write(List.of(good, bad, other, stranger));

        assertThat(good.answer().join())
                .hasValueSatisfying(a -> assertThat(a.channel()).isEqualTo("api"));
        assertThat(other.answer().join())
                .hasValueSatisfying(a -> assertThat(a.channel()).isEqualTo("screen"));
        assertThat(stranger.answer().join()).as("not a recipient").isEmpty();
        assertThat(bad.answer()).isCompletedExceptionally();
        assertThat(jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ?")
                        .param(alert.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void stoppingWritesEverythingQueuedAndThenRefuses() throws Exception {
        AlertId alert = publish();
        List<PersonId> people = recipients(alert, 300);
        // A small queue of its own: the callers are held back until the writer makes room.
        AcknowledgementWriter small = new AcknowledgementWriter(
                batch, new AcknowledgementSettings(20, 7, Duration.ofSeconds(30), 2), new SimpleMeterRegistry());
        small.start();
        List<CompletableFuture<Optional<Acknowledgement>>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            List<Future<CompletableFuture<Optional<Acknowledgement>>>> queued = new ArrayList<>();
            for (PersonId person : people) {
                queued.add(callers.submit(() -> small.submit(alert, person, "api", now())));
            }
            for (Future<CompletableFuture<Optional<Acknowledgement>>> future : queued) {
                answers.add(future.get());
            }
        }
        small.stop();

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.getNow(Optional.empty()))
                        .as("answered before stop() returned")
                        .isPresent());
        assertThat(jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ?")
                        .param(alert.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(people.size());
        assertThatThrownBy(() -> small.submit(alert, people.getFirst(), "api", now()))
                .isInstanceOf(AcknowledgementNotRecorded.class);
    }

    @Test
    void manyThreadsAcknowledgingTheSameAndDifferentPairsThroughSeveralWritersPersistEachOnce() throws Exception {
        List<AlertId> alerts = List.of(publish(), publish());
        Map<AlertId, List<PersonId>> people = new HashMap<>();
        for (AlertId alert : alerts) {
            people.put(alert, recipients(alert, 250));
        }
        AcknowledgementWriter lanes = new AcknowledgementWriter(
                batch, new AcknowledgementSettings(1000, 50, Duration.ofSeconds(30), 4), new SimpleMeterRegistry());
        lanes.start();
        Map<AcknowledgementBatch.Key, List<Future<Acknowledgement>>> answers = new HashMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(64)) {
            // each pair three times, by three channels, interleaved with every other pair
            for (String channel : List.of("api", "sms", "email")) {
                for (AlertId alert : alerts) {
                    for (PersonId person : people.get(alert)) {
                        answers.computeIfAbsent(
                                        new AcknowledgementBatch.Key(alert.value(), person.value()),
                                        k -> new ArrayList<>())
                                .add(callers.submit(() -> lanes.acknowledge(alert, person, channel, now())
                                        .orElseThrow()));
                    }
                }
            }
        } finally {
            lanes.stop();
        }

        for (AlertId alert : alerts) {
            assertThat(jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ?")
                            .param(alert.value())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(250);
            for (PersonId person : people.get(alert)) {
                Acknowledgement stored = stored(alert, person);
                for (Future<Acknowledgement> answer :
                        answers.get(new AcknowledgementBatch.Key(alert.value(), person.value()))) {
                    assertThat(answer.get())
                            .as("every caller of a pair is answered the one acknowledgement stored")
                            .isEqualTo(stored);
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String audited = String.join("\n", auditDetails(alert));
                for (PersonId person : people.get(alert)) {
                    assertThat(occurrences(audited, person.value().toString()))
                            .as("recorded once, by one writer")
                            .isEqualTo(1);
                }
            });
        }
    }

    @Test
    void theBatchsStatementLeavesThePlannerNoJoinToGetWrongGenericOrCustom() {
        AlertId alert = publish();
        List<PersonId> people = recipients(alert, 400);
        String ids = "{"
                + String.join(
                        ",", people.stream().map(p -> p.value().toString()).toList()) + "}";
        String times = "{" + String.join(",", Collections.nCopies(people.size(), now().toString())) + "}";
        String channels = "{" + String.join(",", Collections.nCopies(people.size(), "api")) + "}";
        int[] parameter = {0};
        // the statement as the driver prepares it: $1.. for the JDBC placeholders
        String prepared = Pattern.compile("\\?")
                .matcher(AcknowledgementBatch.ACKNOWLEDGE)
                .replaceAll(m -> "\\$" + ++parameter[0]);
        for (String mode : List.of("force_generic_plan", "force_custom_plan")) {
            String plan = transactions.execute(status -> {
                status.setRollbackOnly();
                // PREPARE outlives a rolled-back transaction: none left over on this pooled connection
                if (jdbc.sql("SELECT count(*) FROM pg_prepared_statements WHERE name = 'acknowledgement_plan'")
                                .query(Integer.class)
                                .single()
                        > 0) {
                    jdbc.sql("DEALLOCATE acknowledgement_plan").update();
                }
                jdbc.sql("SET LOCAL plan_cache_mode = " + mode).update();
                jdbc.sql("PREPARE acknowledgement_plan AS " + prepared).update();
                // a utility statement takes no bound parameters: literals (ids, times, "api")
                List<String> lines = jdbc.sql(
                                "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE acknowledgement_plan(%d, '%s', '%s', '%s')"
                                        .formatted(alert.value(), ids, times, channels))
                        .query(String.class)
                        .list();
                jdbc.sql("DEALLOCATE acknowledgement_plan").update();
                return String.join("\n", lines);
            });
            // a join of the batch with the alert's rows was planned as every row against every person
            assertThat(plan)
                    .as(mode)
                    .contains("Function Scan on alert_recipient_acknowledge")
                    .contains("rows=400 ")
                    .doesNotContain("Join", "Nested Loop");
        }
    }

    private AlertId publish() {
        long id = http.postJson("/api/v1/alerts", AlertLifecycleApiTests.MINOR_WESTMINSTER, "Authorization", police)
                .json()
                .get("id")
                .asLong();
        http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);
        return new AlertId(id);
    }

    /** Recipients made up for the alert, in its recipient table only: the writer needs no more. */
    private List<PersonId> recipients(AlertId alert, int n) {
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID person = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO alert_recipient (alert_id, person_id, organisation_id, borough_code, sectors,
                                                 via_email, via_sms)
                    VALUES (?, ?, ?, 'westminster', '{}', false, false)
                    """).params(alert.value(), person, UUID.randomUUID()).update();
            people.add(new PersonId(person));
        }
        return people;
    }

    private Acknowledgement stored(AlertId alert, PersonId person) {
        return jdbc.sql("SELECT acknowledged_at, ack_channel FROM alert_recipient WHERE alert_id = ? AND person_id = ?")
                .params(alert.value(), person.value())
                .query((rs, n) ->
                        new Acknowledgement(alert, person, rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .single();
    }

    private List<String> auditDetails(AlertId alert) {
        return jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'AcknowledgementsRecorded' AND detail LIKE ?")
                .param("%\"alertId\":" + alert.value() + ",%")
                .query(String.class)
                .list();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Request request(AlertId alert, PersonId person, String channel) {
        return new Request(alert, person, channel, now(), Actor.SYSTEM, new CompletableFuture<>());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

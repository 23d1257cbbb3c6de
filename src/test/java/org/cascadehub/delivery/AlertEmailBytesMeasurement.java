package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertNotices;
import org.cascadehub.alerts.AlertNotices.SharedEmail;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.delivery.EmailOutbox.OwnPart;
import org.cascadehub.delivery.EmailOutbox.SharedContent;
import org.cascadehub.directory.PersonId;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What queueing one alert's email to N recipients writes, stored whole per recipient (as before
 * session 5) and stored once: table + index growth, WAL bytes and the time of the queueing, rounds
 * alternating. Each round is rolled back, so nothing is sent. Not part of the build: run with
 * {@code -Dcascade.measure=true} (and {@code -Dcascade.measure.recipients=19000}).
 */
@CascadeTest
@EnabledIfSystemProperty(named = "cascade.measure", matches = "true")
class AlertEmailBytesMeasurement {

    static final int ROUNDS = 3;

    @LocalServerPort
    int port;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertNotices notices;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailDispatcher dispatcher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    record Round(String way, long tableBytes, long indexBytes, long walBytes, long millis, long rowBytes) {}

    @Test
    void bytesPerAlert() {
        int n = Integer.getInteger("cascade.measure.recipients", 19_000);
        Alert alert = publish();
        SharedEmail shared = notices.sharedEmail(alert);
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new PersonId(UUID.randomUUID()));
        }
        // Neither vacuum nor the dispatcher's scans may free a rolled-back round's space for the next.
        jdbc.sql("ALTER TABLE outbound_email SET (autovacuum_enabled = false)").update();
        dispatcher.stop();
        List<Round> rounds = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String prefix = "measure:" + UUID.randomUUID() + ":";
                rounds.add(measure(
                        "whole",
                        prefix + "whole:",
                        people,
                        batch -> outbox.enqueueAll(batch.stream()
                                .map(p -> new KeyedEmail(
                                        new Email(
                                                address(p),
                                                shared.subject(),
                                                shared.to(p).body()),
                                        prefix + "whole:" + p))
                                .toList())));
                rounds.add(measure(
                        "once",
                        prefix + "once:",
                        people,
                        batch -> outbox.enqueueShared(
                                new SharedContent(prefix + "content", shared.subject(), shared.head(), shared.tail()),
                                batch.stream()
                                        .map(p -> new OwnPart(
                                                address(p), shared.own().apply(p), prefix + "once:" + p))
                                        .toList())));
            }
        } finally {
            jdbc.sql("ALTER TABLE outbound_email RESET (autovacuum_enabled)").update();
            dispatcher.start();
        }
        System.out.printf(
                "alert email to %,d recipients; body %,d bytes (own part %,d)%n",
                n,
                shared.to(people.getFirst()).body().length(),
                shared.own().apply(people.getFirst()).length());
        System.out.printf(
                "%-12s %14s %14s %14s %10s %8s%n",
                "way", "table+index B", "of it index B", "WAL B", "queue ms", "row B");
        rounds.forEach(r -> System.out.printf(
                "%-12s %,14d %,14d %,14d %,10d %,8d%n",
                r.way(), r.tableBytes(), r.indexBytes(), r.walBytes(), r.millis(), r.rowBytes()));
        for (String way : List.of("whole", "once")) {
            List<Round> of = rounds.stream().filter(r -> r.way().equals(way)).toList();
            System.out.printf(
                    "median %-5s %,14d %,14d %,14d %,10d%n",
                    way,
                    median(of.stream().mapToLong(Round::tableBytes).toArray()),
                    median(of.stream().mapToLong(Round::indexBytes).toArray()),
                    median(of.stream().mapToLong(Round::walBytes).toArray()),
                    median(of.stream().mapToLong(Round::millis).toArray()));
        }
    }

    /** Queues the alert's email for everyone in steps of 1,000 as AlertChannels does; rolled back. */
    private Round measure(String way, String prefix, List<PersonId> people, ToIntFunction<List<PersonId>> step) {
        return transactions.execute(status -> {
            long size = size();
            long indexes = indexes();
            String lsn = lsn();
            long start = System.nanoTime();
            int queued = 0;
            for (int from = 0; from < people.size(); from += AlertChannels.STEP) {
                queued += step.applyAsInt(people.subList(from, Math.min(people.size(), from + AlertChannels.STEP)));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(queued).isEqualTo(people.size());
            long wal = jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint")
                    .param(lsn)
                    .query(Long.class)
                    .single();
            Round round = new Round(way, size() - size, indexes() - indexes, wal, millis, rowBytes(prefix));
            status.setRollbackOnly();
            return round;
        });
    }

    private long size() {
        return jdbc.sql("""
                SELECT pg_total_relation_size('outbound_email') + pg_total_relation_size('outbound_email_content')
                """).query(Long.class).single();
    }

    /** The average stored row (its tuple as PostgreSQL stores it, before page overhead). */
    private long rowBytes(String keyPrefix) {
        return jdbc.sql("SELECT avg(pg_column_size(e.*))::bigint FROM outbound_email e WHERE dedupe_key LIKE ?")
                .param(keyPrefix + "%")
                .query(Long.class)
                .single();
    }

    private long indexes() {
        return jdbc.sql("SELECT pg_indexes_size('outbound_email') + pg_indexes_size('outbound_email_content')")
                .query(Long.class)
                .single();
    }

    private String lsn() {
        return jdbc.sql("SELECT pg_current_wal_insert_lsn()::text")
                .query(String.class)
                .single();
    }

    private static String address(PersonId person) {
        return "r-" + person.value().toString().substring(0, 13) + "@measure.example.test";
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A GREEN alert whose email carries its content, about 1 KB as a city-wide alert's would. */
    private Alert publish() {
        TestHttp http = new TestHttp(port);
        String police = bearer(http.token("police@demo.test", "demo-password"));
        String description = ("Two men in dark clothing were seen trying car doors along the Strand and "
                        + "into Covent Garden between 14:00 and 14:30; one carried a rucksack. ")
                .repeat(4);
        String draft = """
                {"headline": "Measurement: car doors tried along the Strand", "description": "%s",
                 "instruction": "Keep staff car parks shut and report sightings to the control room.",
                 "category": "Security", "urgency": "Immediate", "severity": "Minor", "certainty": "Observed",
                 "tlp": "GREEN", "area": {"boroughs": ["westminster"]}, "expiresInMinutes": 120}
                """.formatted(description.strip());
        return alerts.find(new AlertId(http.publishAlert(draft, police))).orElseThrow();
    }
}

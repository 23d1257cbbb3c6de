package org.cascadehub.harness;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.CascadeApplication;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.directory.PersonId;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acknowledgements persisted per second (issue #5: at least 20,000). Starts Cascade in this JVM in
 * demo mode on a fresh embedded PostgreSQL with generated people, publishes alerts for every
 * borough through the API as the police demo account, and has every (alert, recipient) pair
 * acknowledged at once, in one of four modes: {@code threads} callers in a closed loop through
 * {@link Acknowledgements#acknowledgeFor} ({@code service}) or {@code POST /api/v1/alerts/{id}/ack}
 * with each recipient's own API token and Java's HTTP client ({@code http}); or open loop, every
 * acknowledgement in flight at once (or offered at {@code acks.rate} a second), through {@link
 * Acknowledgements#acknowledgeFor} from a virtual thread each ({@code burst}) or the same POST over
 * {@code acks.connections} keep-alive HTTP/1.1 connections ({@code http-burst}, {@link
 * HttpAckConnections}). The rate is what the table holds afterwards divided by the time from the
 * first submission until the last caller was answered (after its commit); "settled" adds the time until the event publication registry has nothing outstanding
 * (the listeners of the acknowledgements: audit, live counts). The alerts' emails and texts are
 * removed from the outboxes before the acknowledgements start, so that sending them does not
 * compete. {@code acks.limit} caps the pairs acknowledged a round. Run by {@code bench/run-acks.sh}.
 */
public final class AcknowledgementThroughput {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private record Pair(AlertId alert, PersonId person, String token) {}

    private record Settled(int left, long at) {}

    private record Round(
            int acks, int persisted, double seconds, double settledSeconds, int failed, int stuck, String latency) {
        double rate() {
            return persisted / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("acks.people", 10_000);
        int alertsPerRound = Integer.getInteger("acks.alerts", 2);
        int threads = Integer.getInteger("acks.threads", 128);
        int repeats = Integer.getInteger("acks.repeats", 3);
        int limit = Integer.getInteger("acks.limit", Integer.MAX_VALUE);
        double rate = Double.parseDouble(System.getProperty("acks.rate", "0"));
        int connections = Integer.getInteger("acks.connections", 1000);
        List<String> modes = List.of(System.getProperty("acks.modes", "service,http").split(","));
        Path data = Files.createTempDirectory("cascade-acks-");
        try (ConfigurableApplicationContext context = SpringApplication.run(
                CascadeApplication.class,
                "--server.port=0",
                "--cascade.demo.database-directory=" + data.resolve("postgres"),
                "--cascade.demo.generate.people=" + people,
                "--logging.level.root=WARN")) {
            URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Acknowledgements acknowledgements = context.getBean(Acknowledgements.class);
            try (HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()) {
                String police = policeToken(http, base);
                List<String> boroughs = new ArrayList<>();
                Matcher codes = CODE.matcher(get(http, base, "/api/v1/boroughs", police));
                while (codes.find()) {
                    boroughs.add(codes.group(1));
                }
                Map<UUID, String> tokens = new HashMap<>();
                CascadePublisher publisher = new CascadePublisher(base, police, boroughs, 512);
                System.out.printf(
                        "Acknowledgements: %d generated people, %d alerts a round, %d callers (closed loop), %s offered (burst), %d connections (http-burst), %d measured rounds after one warm-up%n",
                        people,
                        alertsPerRound,
                        threads,
                        rate > 0 ? "%.0f/s".formatted(rate) : "all at once",
                        connections,
                        repeats);
                int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                WriterBatches batches = new WriterBatches(context.getBean(MeterRegistry.class));
                for (String mode : modes) {
                    List<Round> rounds = new ArrayList<>();
                    for (int round = 0; round <= repeats; round++) {
                        List<Pair> pairs =
                                publish(publisher, jdbc, alertsPerRound, limit, tokens, mode.startsWith("http"));
                        WriterBatches.Snapshot before = batches.snapshot();
                        Round result = switch (mode) {
                            case "burst", "http-burst" -> burst(mode, pairs, rate, connections, port, acknowledgements, jdbc);
                            default -> run(mode, pairs, threads, acknowledgements, jdbc, http, base);
                        };
                        System.out.printf(
                                "  %-10s %s: %d acks, %d persisted, %d failed, %.2f s -> %.0f acks/s persisted; settled after %.2f s (%.0f/s), %d event publications left incomplete%s%n",
                                mode,
                                round == 0 ? "warm-up" : "round " + round,
                                result.acks(),
                                result.persisted(),
                                result.failed(),
                                result.seconds(),
                                result.rate(),
                                result.settledSeconds(),
                                result.persisted() / result.settledSeconds(),
                                result.stuck(),
                                (result.latency().isEmpty() ? "" : "; " + result.latency()) + "; "
                                        + batches.since(before));
                        if (round > 0) {
                            rounds.add(result);
                        }
                    }
                    double[] rates =
                            rounds.stream().mapToDouble(Round::rate).sorted().toArray();
                    double[] settled = rounds.stream()
                            .mapToDouble(r -> r.persisted() / r.settledSeconds())
                            .sorted()
                            .toArray();
                    System.out.printf(
                            "RESULT %-10s %s median %.0f acks/s persisted (runs %s); settled median %.0f/s%n",
                            mode,
                            switch (mode) {
                                case "burst" -> rate > 0 ? "offered=%.0f/s".formatted(rate) : "in-flight=all";
                                case "http-burst" -> "connections=" + connections;
                                default -> "callers=" + threads;
                            },
                            rates[rates.length / 2],
                            Arrays.toString(round(rates)),
                            settled[settled.length / 2]);
                }
            }
        } finally {
            publisherCleanup(data);
        }
    }

    /** Publishes the round's alerts, waits for their delivery to settle, and lists every pair. */
    private static List<Pair> publish(
            CascadePublisher publisher,
            JdbcClient jdbc,
            int alerts,
            int limit,
            Map<UUID, String> tokens,
            boolean http)
            throws IOException, InterruptedException {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            long id = publisher.prepare(i);
            publisher.publish(id);
            // the view: the rows may still be pending, written out in the background after the broadcast
            List<UUID> people = jdbc.sql("SELECT person_id FROM alert_recipient_all WHERE alert_id = ?")
                    .param(id)
                    .query(UUID.class)
                    .list();
            for (UUID person : people) {
                pairs.add(new Pair(new AlertId(id), new PersonId(person), http ? tokens.computeIfAbsent(person, p -> token(jdbc, p)) : ""));
            }
        }
        settle(jdbc);
        // The alerts' emails and texts would be sent during the measurement: only acknowledgements are measured.
        jdbc.sql("DELETE FROM outbound_email").update();
        jdbc.sql("DELETE FROM outbound_sms").update();
        jdbc.sql("DELETE FROM outbound_webhook").update();
        Collections.shuffle(pairs, new Random(alerts));
        return pairs.subList(0, Math.min(limit, pairs.size()));
    }

    private static Round run(
            String mode,
            List<Pair> pairs,
            int threads,
            Acknowledgements acknowledgements,
            JdbcClient jdbc,
            HttpClient http,
            URI base)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < pairs.size(); i = next.getAndIncrement()) {
                        Pair pair = pairs.get(i);
                        try {
                            if (mode.equals("http")) {
                                if (post(http, base, "/api/v1/alerts/" + pair.alert().value() + "/ack", pair.token())
                                        != 200) {
                                    failed.incrementAndGet();
                                }
                            } else if (!acknowledgements.acknowledgeFor(pair.person(), pair.alert(), "api")) {
                                failed.incrementAndGet();
                            }
                        } catch (RuntimeException | IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return measured(pairs, jdbc, start, seconds, failed.get(), "");
    }

    /** Every pair in flight at once (or at the offered rate): in process, or over keep-alive HTTP connections. */
    private static Round burst(
            String mode,
            List<Pair> pairs,
            double rate,
            int connections,
            int port,
            Acknowledgements acknowledgements,
            JdbcClient jdbc)
            throws Exception {
        long start = System.nanoTime();
        AckBurst.Outcome outcome;
        if (mode.equals("http-burst")) {
            HttpAckConnections http = new HttpAckConnections("127.0.0.1", port);
            outcome = http.run(pairs.size(), connections, i -> HttpAckConnections.post(
                    "/api/v1/alerts/" + pairs.get(i).alert().value() + "/ack", pairs.get(i).token()));
            start = outcome.startNanos();
        } else {
            outcome = AckBurst.run(pairs.size(), rate, start, i -> {
                Pair pair = pairs.get(i);
                return acknowledgements.acknowledgeFor(pair.person(), pair.alert(), "api");
            });
        }
        double seconds = (outcome.lastAnsweredNanos() - start) / 1e9;
        return measured(pairs, jdbc, start, seconds, outcome.failed(), AckBurst.latencies(List.of(outcome)));
    }

    /** What the table holds for the round's alerts, and how long the registry took to settle. */
    private static Round measured(List<Pair> pairs, JdbcClient jdbc, long start, double seconds, int failed, String latency)
            throws InterruptedException {
        Long[] alertIds = pairs.stream().map(p -> p.alert().value()).distinct().toArray(Long[]::new);
        int persisted = jdbc.sql("SELECT count(acknowledged_at) FROM alert_recipient WHERE alert_id = ANY(?)")
                .param(alertIds)
                .query(Integer.class)
                .single();
        Settled settled = settle(jdbc);
        double settledSeconds = (settled.at() - start) / 1e9;
        return new Round(pairs.size(), persisted, seconds, settledSeconds, failed, settled.left(), latency);
    }

    /**
     * Waits until every event publication has been completed by its listener, or until the number
     * outstanding has not moved for 10 s (listeners that failed leave theirs outstanding); says how
     * many are left and when the number last moved.
     */
    private static Settled settle(JdbcClient jdbc) throws InterruptedException {
        int outstanding = -1;
        long unchangedSince = System.nanoTime();
        while (true) {
            // listeners not yet done, and recipients not yet written out (see RecipientRows)
            int now = jdbc.sql("""
                            SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)
                                 + (SELECT count(*) FROM alert_recipient_pending)
                            """)
                    .query(Integer.class)
                    .single();
            if (now == 0) {
                return new Settled(0, System.nanoTime());
            }
            if (now != outstanding) {
                outstanding = now;
                unchangedSince = System.nanoTime();
            } else if (System.nanoTime() - unchangedSince > Duration.ofSeconds(10).toNanos()) {
                return new Settled(now, unchangedSince);
            }
            Thread.sleep(50);
        }
    }

    private static String token(JdbcClient jdbc, UUID person) {
        String token = StreamTokens.newToken();
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at)
                VALUES (?, ?, ?, 'acknowledgement benchmark', ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        person,
                        StreamTokens.sha256(token),
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
                .update();
        return token;
    }

    private static String policeToken(HttpClient http, URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"police@demo.test\",\"password\":\"demo-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("no token for police@demo.test: " + response.body());
        }
        return token.group(1);
    }

    private static String get(HttpClient http, URI base, String path, String token)
            throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int post(HttpClient http, URI base, String path, String token) throws IOException {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long[] round(double[] rates) {
        return Arrays.stream(rates).mapToLong(Math::round).toArray();
    }

    private static void publisherCleanup(Path data) throws IOException {
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private AcknowledgementThroughput() {}
}

package org.cascadehub.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.IntFunction;
import org.cascadehub.harness.ClientPool.Client;
import org.cascadehub.harness.ClientPool.Ramp;
import org.jspecify.annotations.Nullable;

/**
 * The load client, run as its own JVM (one per system under test): opens the subscriber
 * connections, publishes the alerts, and writes what it measured to a properties file. Its one
 * argument is a properties file written by {@link LoadHarness}; the keys are those of {@link
 * ClientRun}.
 */
public final class LoadClient {

    /** How much of a hold of 10 s or more is left out of the idle CPU figure, at its start. */
    static final long IDLE_SETTLE_MILLIS = 5_000;

    private LoadClient() {}

    public static void main(String[] args) throws Exception {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            settings.load(in);
        }
        Properties result = run(new ClientRun(settings));
        try (Writer out = Files.newBufferedWriter(Path.of(settings.getProperty("resultFile")))) {
            result.store(out, "load client result");
        }
        System.exit(0);
    }

    static Properties run(ClientRun run) throws IOException, InterruptedException {
        int warmups = run.warmups();
        Deliveries deliveries = new Deliveries(warmups + run.alerts());
        Properties result = new Properties();
        ProcStats idle = ProcStats.of(run.serverPid());
        try (Publisher publisher = publisher(run);
                ClientPool pool = new ClientPool(
                        run.target(), run.threads(), run.firstSourceAddress(), run.perSourceAddress(), deliveries)) {
            int stuckEvery = run.stuckPercent() <= 0 ? 0 : (int) Math.round(100 / run.stuckPercent());
            Ramp ramp = pool.connect(
                    run.n(), run.maxPending(), sessions(run), i -> stuckEvery > 0 && i % stuckEvery == stuckEvery - 1);
            ProcStats connected = ProcStats.of(run.serverPid());
            // A long hold measures the held streams' own cost: its first seconds still carry the
            // ramp's tail (compilation, the last handshakes' writes), which is not idling.
            long settle = run.holdMillis() >= 10_000 ? IDLE_SETTLE_MILLIS : 0;
            Thread.sleep(settle);
            ProcStats idleFrom = settle == 0 ? connected : ProcStats.of(run.serverPid());
            ServerThreads idleThreadsFrom = ServerThreads.of(run.serverPid());
            Thread.sleep(run.holdMillis() - settle);
            ProcStats held = ProcStats.of(run.serverPid());
            double heldSeconds = (held.atNanos() - idleFrom.atNanos()) / 1e9;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "  held the streams %.1f s: %.1f %% of a core%s%n",
                    heldSeconds,
                    held.cpuPercentSince(idleFrom),
                    ServerThreads.of(run.serverPid()).since(idleThreadsFrom).asShares(heldSeconds));
            int readers = (int)
                    pool.clients.stream().filter(c -> c.ready && !c.stuck).count();
            System.out.printf(
                    "  %,d subscribed (%,d never reading); %d warm-up alert(s), then %d%n",
                    ramp.ready(), ramp.ready() - readers, warmups, run.alerts());
            for (int slot = 0; slot < warmups; slot++) {
                publish(publisher, deliveries, slot);
                awaitDeliveries(deliveries, slot, readers, run.deliveryTimeoutMillis());
                publisher.calibrate(deliveries.payloadBytes);
                Thread.sleep(run.spacingMillis());
            }
            double settled = CompilerSettling.await(run.serverPid(), 30_000);
            if (settled > 1.5) {
                System.out.printf("  waited %.1f s for the server's JIT compiler to finish the warm-up's work%n", settled);
            }

            ProcStats runStart = ProcStats.of(run.serverPid());
            ServerThreads[] alongside = new ServerThreads[run.alerts()];
            if (run.reconnect()) {
                reconnectStorm(run, pool, publisher, deliveries, readers, result);
            } else {
                publishAll(run, publisher, deliveries, readers, alongside);
                if (run.ratePerSecond() > 0 && run.alerts() > 1) {
                    // publish requests are sent one after another: a slow answer delays the next
                    long first = deliveries.publishedAt(warmups);
                    long last = deliveries.publishedAt(warmups + run.alerts() - 1);
                    result.setProperty("askedPerSec", format(run.ratePerSecond()));
                    result.setProperty(
                            "publishedPerSec",
                            String.format(java.util.Locale.ROOT, "%.3f", (run.alerts() - 1) / ((last - first) / 1e9)));
                }
            }
            ProcStats runEnd = ProcStats.of(run.serverPid());
            int stuckClosed = 0;
            if (stuckEvery > 0) {
                pool.unstick();
                Thread.sleep(2_000);
                stuckClosed = (int) pool.clients.stream()
                        .filter(c -> c.stuck && c.closed)
                        .count();
            }
            measure(result, pool.clients, deliveries, run, alongside);
            result.setProperty("ready", Integer.toString(ramp.ready()));
            result.setProperty("failed", Integer.toString(ramp.failed()));
            result.setProperty("errors", String.join(" | ", ramp.errors()));
            result.setProperty("connPerSec", format(ramp.perSecond()));
            result.setProperty("rssIdleKb", Long.toString(idle.rssKb()));
            result.setProperty("rssConnectedKb", Long.toString(connected.rssKb()));
            result.setProperty("rssEndKb", Long.toString(runEnd.rssKb()));
            result.setProperty("cpuIdlePct", format(held.cpuPercentSince(idleFrom)));
            result.setProperty("cpuRunPct", format(runEnd.cpuPercentSince(runStart)));
            result.setProperty("stuck", Integer.toString(ramp.ready() - readers));
            result.setProperty("stuckClosed", Integer.toString(stuckClosed));
            result.setProperty("closedByServer", Integer.toString(pool.closedByServer.get()));
        }
        return result;
    }

    /**
     * Publishes the measured alerts; one at a time, each awaited, unless a rate is set. Then
     * {@code alongside} gets what the server's JIT compiler and collector used while each was
     * delivered.
     */
    private static void publishAll(
            ClientRun run, Publisher publisher, Deliveries deliveries, int readers, ServerThreads[] alongside)
            throws IOException, InterruptedException {
        int warmups = run.warmups();
        long started = System.nanoTime();
        for (int slot = warmups; slot < warmups + run.alerts(); slot++) {
            if (run.ratePerSecond() > 0) {
                long due = started + (long) ((slot - warmups) * 1e9 / run.ratePerSecond());
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                publish(publisher, deliveries, slot); // alerts overlap: none has an interval of its own
            } else {
                Thread.sleep(run.spacingMillis());
                ServerThreads before = ServerThreads.of(run.serverPid());
                publish(publisher, deliveries, slot);
                awaitDeliveries(deliveries, slot, readers, run.deliveryTimeoutMillis());
                alongside[slot - warmups] = ServerThreads.of(run.serverPid()).since(before);
            }
        }
        for (int slot = warmups; slot < warmups + run.alerts(); slot++) {
            awaitDeliveries(deliveries, slot, readers, run.deliveryTimeoutMillis());
        }
    }

    /**
     * Every client drops its connection, the alerts are published while they are away, then all
     * reconnect at once with {@code Last-Event-ID}: what they missed must arrive. Records the
     * reconnection rate and the time from the first reconnection to the last alert caught up.
     */
    private static void reconnectStorm(
            ClientRun run, ClientPool pool, Publisher publisher, Deliveries deliveries, int readers, Properties result)
            throws IOException, InterruptedException {
        int warmups = run.warmups();
        pool.dropAll();
        System.out.printf("  all %,d dropped; publishing %d alerts while they are away%n", readers, run.alerts());
        for (int slot = warmups; slot < warmups + run.alerts(); slot++) {
            Thread.sleep(run.spacingMillis());
            publish(publisher, deliveries, slot);
        }
        long reconnecting = System.nanoTime();
        String host = run.target().getHostString() + ":" + run.target().getPort();
        List<String> tokens = run.tokens();
        Ramp again = pool.reconnect(
                run.maxPending(),
                (i, lastId) -> new SseSession(host, run.path(), tokens.isEmpty() ? null : tokens.get(i % tokens.size()), lastId));
        for (int slot = warmups; slot < warmups + run.alerts(); slot++) {
            awaitDeliveries(deliveries, slot, readers, run.deliveryTimeoutMillis());
        }
        long last = pool.clients.stream()
                .flatMapToLong(c -> Arrays.stream(c.received, warmups, warmups + run.alerts()))
                .filter(t -> t > 0)
                .max()
                .orElse(reconnecting);
        result.setProperty("reconnectPerSec", format(again.perSecond()));
        result.setProperty("catchUpMs", format((last - reconnecting) / 1e6));
    }

    private static void publish(Publisher publisher, Deliveries deliveries, int slot) throws IOException {
        long alertId = publisher.prepare(slot);
        deliveries.expect(alertId, slot);
        deliveries.published(slot, System.nanoTime());
        publisher.publish(alertId);
    }

    private static void awaitDeliveries(Deliveries deliveries, int slot, int expected, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (deliveries.receivedCount(slot) < expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    /** Latency of every (reading client, measured alert) pair, publish request start to receipt. */
    private static void measure(
            Properties result,
            List<Client> clients,
            Deliveries deliveries,
            ClientRun run,
            @Nullable ServerThreads[] alongside) {
        long[] latencies = new long[clients.size() * run.alerts()];
        int count = 0;
        int expected = 0;
        for (Client client : clients) {
            if (client.stuck) {
                continue;
            }
            expected += run.alerts();
            for (int slot = run.warmups(); slot < run.warmups() + run.alerts(); slot++) {
                if (client.received[slot] != 0) {
                    latencies[count++] = (client.received[slot] - deliveries.publishedAt(slot)) / 1_000;
                }
            }
        }
        expected += (run.n() - clients.size()) * run.alerts();
        printEachAlert(clients, deliveries, run, alongside);
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        result.setProperty("n", Integer.toString(run.n()));
        result.setProperty("alerts", Integer.toString(run.alerts()));
        result.setProperty("payloadBytes", Integer.toString(deliveries.payloadBytes));
        result.setProperty("delivered", Integer.toString(count));
        result.setProperty("expected", Integer.toString(expected));
        result.setProperty("duplicates", Long.toString(deliveries.duplicates.get()));
        result.setProperty("unknown", Long.toString(deliveries.unknown.get()));
        result.setProperty("p50Us", Long.toString(percentile(sorted, 50)));
        result.setProperty("p90Us", Long.toString(percentile(sorted, 90)));
        result.setProperty("p99Us", Long.toString(percentile(sorted, 99)));
        result.setProperty("maxUs", Long.toString(sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
    }

    /**
     * One line per measured alert, with the wall-clock second it was published: a slow alert among
     * fast ones points at something else the machine was doing then (a per-thread CPU sample, a
     * database statement), where the run's percentiles alone cannot say which alerts were slow. The
     * first receipt is what the server did before its first write (for Cascade, the publish request
     * up to the commit); what the server's JIT compiler and collector used meanwhile is beside it.
     */
    private static void printEachAlert(
            List<Client> clients, Deliveries deliveries, ClientRun run, @Nullable ServerThreads[] alongside) {
        long wallMinusNano = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        for (int slot = run.warmups(); slot < run.warmups() + run.alerts(); slot++) {
            ServerThreads server = alongside[slot - run.warmups()];
            long[] latencies = new long[clients.size()];
            int count = 0;
            for (Client client : clients) {
                if (!client.stuck && client.received[slot] != 0) {
                    latencies[count++] = (client.received[slot] - deliveries.publishedAt(slot)) / 1_000;
                }
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "  alert %d, published at %.2f s since the epoch: %,d received, first %.1f ms, p50 %.1f ms, p99 %.1f ms%s%n",
                    slot - run.warmups() + 1,
                    (deliveries.publishedAt(slot) + wallMinusNano) / 1e9,
                    count,
                    (sorted.length == 0 ? -1 : sorted[0]) / 1e3,
                    percentile(sorted, 50) / 1e3,
                    percentile(sorted, 99) / 1e3,
                    server == null ? "" : server.asSeconds());
        }
    }

    /** Nearest rank; -1 when nothing arrived. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static IntFunction<Session> sessions(ClientRun run) {
        String host = run.target().getHostString() + ":" + run.target().getPort();
        return switch (run.protocol()) {
            case "sse" -> {
                List<String> tokens = run.tokens();
                yield i -> new SseSession(host, run.path(), tokens.isEmpty() ? null : tokens.get(i % tokens.size()), 0);
            }
            case "nats" -> i -> new NatsSession(run.topic());
            case "mqtt" -> i -> new MqttSession("harness-" + i, run.topic());
            default -> throw new IllegalArgumentException("protocol must be sse, nats or mqtt: " + run.protocol());
        };
    }

    private static Publisher publisher(ClientRun run) {
        return switch (run.publisher()) {
            case "nats" -> ReferencePublishers.nats(run.target(), run.topic(), run.payload());
            case "mqtt" -> ReferencePublishers.mqtt(run.target(), run.topic(), run.payload());
            case "floor" -> ReferencePublishers.floor(run.target(), run.payload());
            case "cascade" -> new CascadePublisher(
                    URI.create("http://" + run.target().getHostString() + ":" + run.publisherPort()),
                    run.publisherToken(),
                    run.boroughs(),
                    run.payload());
            default -> throw new IllegalArgumentException("publisher must be nats, mqtt, floor or cascade");
        };
    }

    /** The load client's settings, as {@link LoadHarness} writes them. */
    record ClientRun(Properties p) {
        String protocol() {
            return p.getProperty("protocol");
        }

        InetSocketAddress target() {
            return new InetSocketAddress(p.getProperty("host", "127.0.0.1"), integer("port"));
        }

        String path() {
            return p.getProperty("path", "/");
        }

        /** The API's port, when streams are served on another (Cascade's Netty stream port). */
        int publisherPort() {
            return p.containsKey("publisherPort") ? integer("publisherPort") : target().getPort();
        }

        String topic() {
            return p.getProperty("topic", "alerts");
        }

        List<String> tokens() {
            String file = p.getProperty("tokensFile", "");
            try {
                return file.isEmpty() ? List.of() : Files.readAllLines(Path.of(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String publisher() {
            return p.getProperty("publisher");
        }

        String publisherToken() {
            return p.getProperty("publisherToken", "");
        }

        List<String> boroughs() {
            return List.of(p.getProperty("boroughs", "").split(","));
        }

        int n() {
            return integer("n");
        }

        int threads() {
            return integer("threads");
        }

        int maxPending() {
            return integer("maxPending");
        }

        int firstSourceAddress() {
            return integer("firstSourceAddress");
        }

        int perSourceAddress() {
            return integer("perSourceAddress");
        }

        int warmups() {
            return Integer.parseInt(p.getProperty("warmups", "1"));
        }

        int alerts() {
            return integer("alerts");
        }

        long spacingMillis() {
            return integer("spacingMillis");
        }

        double ratePerSecond() {
            return Double.parseDouble(p.getProperty("ratePerSecond", "0"));
        }

        double stuckPercent() {
            return Double.parseDouble(p.getProperty("stuckPercent", "0"));
        }

        int payload() {
            return integer("payload");
        }

        boolean reconnect() {
            return Boolean.parseBoolean(p.getProperty("reconnect", "false"));
        }

        long holdMillis() {
            return integer("holdMillis");
        }

        long deliveryTimeoutMillis() {
            return integer("deliveryTimeoutMillis");
        }

        long serverPid() {
            return Long.parseLong(p.getProperty("serverPid", "0"));
        }

        private int integer(String key) {
            String value = p.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("the load client's settings have no " + key);
            }
            return Integer.parseInt(value.trim());
        }
    }
}

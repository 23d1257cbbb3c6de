package org.cascadehub.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The load harness: for each system (the floor, NATS, Mosquitto, Cascade) starts the server,
 * runs the load client against it in a separate JVM for each scenario, stops the server, and
 * prints one table. Run it with {@code bench/run-harness.sh} (docs/performance.md).
 */
public final class LoadHarness {

    private final HarnessSettings settings;
    private final String classpath = System.getProperty("java.class.path");
    private int nextSourceAddress = 2;

    LoadHarness(HarnessSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        HarnessSettings settings = HarnessSettings.fromSystemProperties();
        List<ResultTable.Row> rows = new LoadHarness(settings).run();
        System.out.println();
        System.out.println(ResultTable.print(settings, rows));
        System.exit(rows.stream().anyMatch(ResultTable.Row::failed) ? 1 : 0);
    }

    /** Runs every system and scenario; a system that cannot be run gets a row saying why. */
    List<ResultTable.Row> run() {
        Path work = temporaryDirectory();
        List<ResultTable.Row> rows = new ArrayList<>();
        try {
            for (String system : settings.systems()) {
                System.out.printf("%n== %s: starting (N = %,d)%n", system, settings.n());
                Target target;
                try {
                    target = start(system, work);
                } catch (CascadeTarget.Missing e) {
                    System.out.println("== cascade skipped: " + e.getMessage());
                    settings.scenarios().forEach(s -> rows.add(ResultTable.Row.skipped(system, s, e.getMessage())));
                    continue;
                }
                try (target) {
                    long startedKb = ProcStats.of(target.pid()).rssKb();
                    for (String scenario : settings.scenarios()) {
                        if (scenario.equals("reconnect") && !system.equals("cascade")) {
                            rows.add(ResultTable.Row.skipped(system, scenario, "no replay on reconnect"));
                            continue;
                        }
                        List<Properties> repeats = new ArrayList<>();
                        for (int r = 0; r < settings.repeats(); r++) {
                            System.out.printf("== %s, %s, run %d of %d%n", system, scenario, r + 1, settings.repeats());
                            try {
                                Properties result = runClient(target, scenario, work);
                                result.setProperty("rssStartedKb", Long.toString(startedKb));
                                repeats.add(result);
                            } catch (RuntimeException e) {
                                System.out.println("== " + system + " failed: " + e.getMessage());
                            }
                        }
                        rows.add(
                                repeats.isEmpty()
                                        ? ResultTable.Row.failed(system, scenario, "the load client failed")
                                        : ResultTable.Row.of(system, scenario, target.note(), repeats));
                    }
                }
            }
        } finally {
            delete(work);
        }
        return rows;
    }

    private Target start(String system, Path work) {
        return switch (system) {
            case "floor" -> References.floor(work, classpath);
            case "nats" -> References.nats(work);
            case "mosquitto" -> References.mosquitto(work);
            case "netty" -> References.netty(work, classpath, settings.cascadeJvm());
            case "cascade" ->
                settings.cascadeUrl().isEmpty()
                        ? CascadeTarget.start(
                                work,
                                System.getProperty("harness.cascade.classpath", classpath),
                                settings.cascadeJvm(),
                                settings.cascadeArguments(),
                                settings.n(),
                                settings.n(),
                                settings.cascadeStart())
                        : CascadeTarget.attach(
                                URI.create(settings.cascadeUrl()),
                                settings.cascadeJdbcUrl(),
                                settings.cascadePid(),
                                settings.n());
            default ->
                throw new IllegalArgumentException(
                        "harness.systems: " + system + " is not one of floor, nats, mosquitto, cascade, netty");
        };
    }

    /** One load client JVM against the target; returns what it measured. */
    private Properties runClient(Target target, String scenario, Path work) {
        Properties client = new Properties();
        client.putAll(Map.of(
                "host", "127.0.0.1",
                "n", Integer.toString(settings.n()),
                "payload", Integer.toString(settings.payload()),
                "threads", Integer.toString(settings.threads()),
                "maxPending", Integer.toString(settings.maxPending()),
                "perSourceAddress", Integer.toString(settings.perSourceAddress()),
                "firstSourceAddress", Integer.toString(nextSourceAddress),
                "holdMillis", Integer.toString(settings.holdMillis()),
                "deliveryTimeoutMillis", Integer.toString(settings.deliveryTimeoutMillis()),
                "serverPid", Long.toString(target.pid())));
        nextSourceAddress += ClientPool.sourceAddressesFor(settings.n(), settings.perSourceAddress());
        client.putAll(target.clientSettings());
        switch (scenario) {
            case "fanout" -> client.putAll(spaced(settings.alerts(), 0));
            case "sustained", "stuck" -> {
                int alerts = (int) Math.round(settings.sustainedRate() * settings.sustainedSeconds());
                client.putAll(spaced(alerts, scenario.equals("stuck") ? settings.stuckPercent() : 0));
                client.setProperty("ratePerSecond", Double.toString(settings.sustainedRate()));
            }
            case "reconnect" -> {
                client.putAll(spaced(settings.alerts(), 0));
                client.setProperty("reconnect", "true");
            }
            default ->
                throw new IllegalArgumentException(
                        "harness.scenarios: " + scenario + " is not one of fanout, sustained, stuck, reconnect");
        }
        Path settingsFile = work.resolve("client-" + target.name() + "-" + scenario + ".properties");
        Path resultFile = work.resolve("result-" + target.name() + "-" + scenario + ".properties");
        client.setProperty("resultFile", resultFile.toString());
        try (Writer out = Files.newBufferedWriter(settingsFile)) {
            client.store(out, "load client settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        command.addAll(settings.clientJvm());
        command.addAll(List.of("-cp", classpath, LoadClient.class.getName(), settingsFile.toString()));
        try (ChildProcess process = ChildProcess.start("load client", command, null)) {
            if (!process.awaitExit(Duration.ofMinutes(20)) || process.exitValue() != 0 || !Files.exists(resultFile)) {
                throw new IllegalStateException("the load client against " + target.name() + " failed");
            }
        }
        Properties result = new Properties();
        try (Reader in = Files.newBufferedReader(resultFile)) {
            result.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private Map<String, String> spaced(int alerts, double stuckPercent) {
        return Map.of(
                "alerts", Integer.toString(alerts),
                "warmups", Integer.toString(settings.warmups()),
                "spacingMillis", Integer.toString(settings.spacingMillis()),
                "stuckPercent", Double.toString(stuckPercent));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("cascade-harness-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it is in the temporary directory
        }
    }
}

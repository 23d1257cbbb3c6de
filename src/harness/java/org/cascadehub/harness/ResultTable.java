package org.cascadehub.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The harness's one table: a row per system and scenario, medians over repeated runs, and the p99 ratios. */
final class ResultTable {

    private ResultTable() {}

    /** One system in one scenario: the medians of its runs, or why it was not run. */
    record Row(String system, String scenario, String note, List<Properties> runs, boolean broken) {

        static Row of(String system, String scenario, String note, List<Properties> runs) {
            return new Row(system, scenario, note, List.copyOf(runs), false);
        }

        static Row skipped(String system, String scenario, String why) {
            return new Row(system, scenario, why, List.of(), false);
        }

        static Row failed(String system, String scenario, String why) {
            return new Row(system, scenario, why, List.of(), true);
        }

        boolean skippedRun() {
            return runs.isEmpty();
        }

        /** Something expected did not arrive. */
        boolean failed() {
            return broken || (!skippedRun() && delivered() < expected());
        }

        long delivered() {
            return runs.stream().mapToLong(r -> number(r, "delivered")).sum();
        }

        long expected() {
            return runs.stream().mapToLong(r -> number(r, "expected")).sum();
        }

        /** The median over the runs. */
        double median(String key) {
            double[] values = runs.stream()
                    .mapToDouble(r -> Double.parseDouble(r.getProperty(key, "0")))
                    .sorted()
                    .toArray();
            if (values.length == 0) {
                return 0;
            }
            int middle = values.length / 2;
            return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }

        private static long number(Properties run, String key) {
            return Long.parseLong(run.getProperty(key, "0"));
        }
    }

    static String print(HarnessSettings settings, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (String scenario : settings.scenarios()) {
            List<Row> these = rows.stream().filter(r -> r.scenario().equals(scenario)).toList();
            out.append(heading(settings, scenario)).append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "| %-9s | %6s | %7s | %7s | %7s | %7s | %7s | %-19s | %-15s | %9s | %8s | %7s | %7s |%n",
                    "system",
                    "N",
                    "payload",
                    "p50 ms",
                    "p90 ms",
                    "p99 ms",
                    "max ms",
                    "delivered/expected",
                    "RSS MB idle→N",
                    "KB/stream",
                    "CPU idle",
                    "CPU run",
                    "conn/s"));
            out.append("|-----------|-------:|--------:|--------:|--------:|--------:|--------:|---------------------|"
                    + "-----------------|----------:|---------:|--------:|--------:|\n");
            for (Row row : these) {
                out.append(line(row)).append('\n');
            }
            ratios(these).ifPresent(r -> out.append(r).append('\n'));
            for (Row row : these) {
                String extra = extras(row);
                if (!row.note().isBlank() || !extra.isEmpty()) {
                    out.append("- ").append(row.system()).append(": ").append(row.note().trim()).append(extra).append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String heading(HarnessSettings settings, String scenario) {
        String what = switch (scenario) {
            case "sustained" -> "%s alerts/s for %d s".formatted(settings.sustainedRate(), settings.sustainedSeconds());
            case "stuck" ->
                "%s alerts/s for %d s, %s%% of clients never read"
                        .formatted(settings.sustainedRate(), settings.sustainedSeconds(), settings.stuckPercent());
            case "reconnect" ->
                "every client drops, %d alerts are published, all reconnect with Last-Event-ID"
                        .formatted(settings.alerts());
            default -> "%d alerts, %d ms apart".formatted(settings.alerts(), settings.spacingMillis());
        };
        return "Scenario " + scenario + ": " + what + "; medians of " + settings.repeats() + " run(s)";
    }

    private static String line(Row row) {
        if (row.skippedRun()) {
            return String.format(
                    Locale.ROOT, "| %-9s | %s: %s |", row.system(), row.broken() ? "failed" : "skipped", row.note());
        }
        // The baseline is the server as started, before any client of any scenario.
        double idleMb = row.median("rssStartedKb") / 1024;
        double streamsMb = row.median("rssConnectedKb") / 1024;
        double perStream = row.median("ready") == 0
                ? 0
                : (row.median("rssConnectedKb") - row.median("rssStartedKb")) / row.median("ready");
        return String.format(
                Locale.ROOT,
                "| %-9s | %6.0f | %7.0f | %7.1f | %7.1f | %7.1f | %7.1f | %-19s | %-15s | %9.1f | %7.1f%% | %6.0f%% | %7.0f |",
                row.system(),
                row.median("n"),
                row.median("payloadBytes"),
                row.median("p50Us") / 1000,
                row.median("p90Us") / 1000,
                row.median("p99Us") / 1000,
                row.median("maxUs") / 1000,
                row.delivered() + "/" + row.expected(),
                String.format(Locale.ROOT, "%.0f→%.0f", idleMb, streamsMb),
                perStream,
                row.median("cpuIdlePct"),
                row.median("cpuRunPct"),
                row.median("connPerSec"));
    }

    private static String extras(Row row) {
        List<String> extras = new ArrayList<>();
        if (row.skippedRun()) {
            return "";
        }
        if (row.median("failed") > 0) {
            extras.add(String.format(Locale.ROOT, " %.0f connections failed (%s)", row.median("failed"), row.runs().getFirst().getProperty("errors")));
        }
        if (row.median("duplicates") > 0) {
            extras.add(String.format(Locale.ROOT, " %.0f duplicates", row.median("duplicates")));
        }
        if (row.median("stuck") > 0) {
            extras.add(String.format(
                    Locale.ROOT,
                    " %.0f clients never read; %.0f of them closed by the server",
                    row.median("stuck"),
                    row.median("stuckClosed")));
        }
        double closed = row.median("closedByServer") - row.median("stuckClosed");
        if (closed > 0) {
            extras.add(String.format(Locale.ROOT, " %.0f reading clients were closed by the server", closed));
        }
        if (row.runs().getFirst().containsKey("publishedPerSec")) {
            extras.add(String.format(
                    Locale.ROOT,
                    " published at %.2f alerts/s (asked for %.2f)",
                    row.median("publishedPerSec"),
                    row.median("askedPerSec")));
        }
        if (row.runs().getFirst().containsKey("catchUpMs")) {
            extras.add(String.format(
                    Locale.ROOT,
                    " reconnected at %.0f/s; all caught up %.0f ms after the first reconnection",
                    row.median("reconnectPerSec"),
                    row.median("catchUpMs")));
        }
        return String.join(";", extras);
    }

    private static Optional<String> ratios(List<Row> rows) {
        Optional<Row> cascade = find(rows, "cascade");
        if (cascade.isEmpty()) {
            return Optional.empty();
        }
        double p99 = cascade.get().median("p99Us");
        if (List.of("floor", "nats", "mosquitto").stream().allMatch(r -> find(rows, r).isEmpty())) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("p99 ratios:");
        for (String reference : List.of("floor", "nats", "mosquitto")) {
            find(rows, reference)
                    .map(r -> r.median("p99Us"))
                    .filter(v -> v > 0)
                    .ifPresent(v -> out.append(String.format(
                            Locale.ROOT, " Cascade/%s %.2f;", reference, p99 / v)));
        }
        return Optional.of(out.toString());
    }

    private static Optional<Row> find(List<Row> rows, String system) {
        return rows.stream()
                .filter(r -> r.system().equals(system) && !r.skippedRun())
                .findFirst();
    }
}

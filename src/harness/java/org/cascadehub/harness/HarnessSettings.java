package org.cascadehub.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What to run, from system properties ({@code -Dharness.n=19000}); docs/performance.md lists them.
 *
 * @param systems any of floor, nats, mosquitto, cascade, in the order to run them
 * @param scenarios any of fanout (alerts spaced, each awaited), sustained (a fixed rate for a
 *     while), stuck (as sustained, with a share of clients that never read), reconnect (every client
 *     drops, alerts are published, all reconnect with Last-Event-ID; Cascade only)
 */
record HarnessSettings(
        int n,
        int payload,
        int warmups,
        int alerts,
        int spacingMillis,
        List<String> systems,
        List<String> scenarios,
        int repeats,
        double sustainedRate,
        int sustainedSeconds,
        double stuckPercent,
        int threads,
        int maxPending,
        int perSourceAddress,
        int holdMillis,
        int deliveryTimeoutMillis,
        List<String> clientJvm,
        List<String> cascadeJvm,
        List<String> cascadeArguments,
        String cascadeUrl,
        String cascadeJdbcUrl,
        long cascadePid,
        Duration cascadeStart) {

    static HarnessSettings fromSystemProperties() {
        return new HarnessSettings(
                integer("n", 1_000),
                integer("payload", 512),
                integer("warmups", 10),
                integer("alerts", 5),
                integer("spacingMs", 500),
                list("systems", "floor,nats,mosquitto,cascade"),
                list("scenarios", "fanout"),
                integer("repeats", 1),
                Double.parseDouble(property("sustained.rate", "2")),
                integer("sustained.seconds", 60),
                Double.parseDouble(property("stuck.percent", "1")),
                integer("client.threads", 1),
                integer("client.maxPending", 500),
                integer("client.perSourceAddress", 5_000),
                integer("holdMs", 3_000),
                integer("deliveryTimeoutMs", 15_000),
                words(property("client.jvm", "-Xms1g -Xmx1g -XX:+UseParallelGC")),
                words(property("cascade.jvm", "-XX:+UseG1GC -Xmx3g")),
                words(property("cascade.args", "")),
                property("cascade.url", ""),
                property("cascade.jdbcUrl", ""),
                Long.parseLong(property("cascade.pid", "0")),
                Duration.ofSeconds(integer("cascade.startSeconds", 600)));
    }

    HarnessSettings with(int newN, List<String> newSystems) {
        return new HarnessSettings(
                newN,
                payload,
                warmups,
                alerts,
                spacingMillis,
                newSystems,
                scenarios,
                repeats,
                sustainedRate,
                sustainedSeconds,
                stuckPercent,
                threads,
                maxPending,
                perSourceAddress,
                holdMillis,
                deliveryTimeoutMillis,
                clientJvm,
                cascadeJvm,
                cascadeArguments,
                cascadeUrl,
                cascadeJdbcUrl,
                cascadePid,
                cascadeStart);
    }

    HarnessSettings attachedTo(String url, String jdbcUrl, long pid) {
        return new HarnessSettings(
                n,
                payload,
                warmups,
                alerts,
                spacingMillis,
                systems,
                scenarios,
                repeats,
                sustainedRate,
                sustainedSeconds,
                stuckPercent,
                threads,
                maxPending,
                perSourceAddress,
                holdMillis,
                deliveryTimeoutMillis,
                clientJvm,
                cascadeJvm,
                cascadeArguments,
                url,
                jdbcUrl,
                pid,
                cascadeStart);
    }

    private static String property(String key, String fallback) {
        return System.getProperty("harness." + key, fallback).trim();
    }

    private static int integer(String key, int fallback) {
        return Integer.parseInt(property(key, Integer.toString(fallback)).replace("_", ""));
    }

    private static List<String> list(String key, String fallback) {
        return Arrays.stream(property(key, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}

package org.cascadehub.harness;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * An open-loop burst: every acknowledgement is its own virtual thread, started all at once
 * ({@code rate} 0) or at a fixed offered rate, so that as many are in flight as the server lets
 * in, as when an alert reaches a city and most recipients answer within seconds. Records each
 * one's time from its start to its answer.
 */
final class AckBurst {

    /** What a burst did: how many failed, when it started and the last was answered, and the latencies in ms. */
    record Outcome(int failed, long startNanos, long lastAnsweredNanos, double[] latenciesMs) {

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return 0;
            }
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }
    }

    private AckBurst() {}

    /**
     * Runs {@code acknowledge} for 0 .. n-1 (true: acknowledged), each in a virtual thread started at
     * {@code start + i / rate}; with rate 0 all start at once.
     */
    static Outcome run(int n, double rate, long start, IntPredicate acknowledge) {
        AtomicInteger failed = new AtomicInteger();
        long[] answered = new long[n];
        long[] began = new long[n];
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                int index = i;
                callers.execute(() -> {
                    began[index] = System.nanoTime();
                    boolean ok;
                    try {
                        ok = acknowledge.test(index);
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    answered[index] = System.nanoTime();
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                });
            }
        }
        long last = Arrays.stream(answered).max().orElse(start);
        double[] latencies = new double[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = (answered[i] - began[i]) / 1e6;
        }
        return new Outcome(failed.get(), start, last, latencies);
    }

    /** Latency figures for a line of output. */
    static String latencies(List<Outcome> outcomes) {
        double[] all = outcomes.stream()
                .flatMapToDouble(o -> Arrays.stream(o.latenciesMs()))
                .toArray();
        Outcome merged = new Outcome(0, 0, 0, all);
        return "latency ms p50 %.0f p90 %.0f p99 %.0f max %.0f"
                .formatted(merged.percentile(50), merged.percentile(90), merged.percentile(99), merged.percentile(100));
    }
}

package org.cascadehub.delivery.live;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cascadehub.platform.UrgentWork;

/**
 * The few threads that copy queued frames into sockets, so a broadcast's caller only matches and
 * queues. A broadcast's connections are split into one batch per thread rather than one task per
 * connection. Writes never block, so a handful of threads serve any number of connections.
 */
final class LiveWriters {

    /** Fewer connections than this are not worth a second task. */
    private static final int SMALLEST_BATCH = 64;

    private final ThreadPoolExecutor pool;
    private final int threads;

    LiveWriters(int threads) {
        this.threads = threads;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "cascade-live-writer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // After shutdown a late drain runs on its caller: it never blocks, and it must not be lost.
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                factory,
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    void drain(List<? extends LiveSink> connections) {
        drain(connections, UrgentWork.Tracker.NONE);
    }

    /** How many tasks {@link #drain} makes of this many connections. */
    int batches(int connections) {
        return connections == 0 ? 0 : Math.clamp((connections + SMALLEST_BATCH - 1) / SMALLEST_BATCH, 1, threads);
    }

    void drain(List<? extends LiveSink> connections, UrgentWork.Tracker tracker) {
        int n = connections.size();
        int batches = batches(n);
        if (batches == 0) {
            return;
        }
        int size = (n + batches - 1) / batches;
        for (int from = 0; from < n; from += size) {
            List<? extends LiveSink> batch = connections.subList(from, Math.min(n, from + size));
            pool.execute(tracker.counting(() -> batch.forEach(LiveSink::drain)));
        }
    }

    /** Lets queued drains finish (briefly), then stops the threads. */
    void shutdown() {
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

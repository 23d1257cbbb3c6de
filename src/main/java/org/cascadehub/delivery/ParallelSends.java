package org.cascadehub.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each send on its own virtual thread, at most {@code limit} at once, so one endpoint that
 * hangs holds its own thread and nobody else's. When a send ends, {@code whenFree} is told (the
 * dispatcher polls again to use the freed place). Stopped with its dispatcher, and started again
 * with it: a paused application context (as test contexts are) is started again later.
 */
final class ParallelSends {

    private static final Logger log = LoggerFactory.getLogger(ParallelSends.class);

    private final String name;
    private final Semaphore places;
    private final Runnable whenFree;
    // Guarded by this.
    private ExecutorService threads;

    ParallelSends(String name, int limit, Runnable whenFree) {
        if (limit < 1) {
            throw new IllegalArgumentException(name + ": concurrency must be at least 1");
        }
        this.name = name;
        this.places = new Semaphore(limit);
        this.threads = newThreads();
        this.whenFree = whenFree;
    }

    /** How many sends could start now: claim no more than this. */
    int free() {
        return places.availablePermits();
    }

    /** Starts a send, waiting for a free place if there is none (claim only {@link #free} to avoid that). */
    void start(Runnable send) {
        places.acquireUninterruptibly();
        try {
            threads().execute(() -> {
                try {
                    send.run();
                } catch (RuntimeException e) {
                    // The row's claim lapses and it is sent again: at least once, never lost.
                    log.warn("A send failed unexpectedly; it will be retried", e);
                } finally {
                    places.release();
                    whenFree.run();
                }
            });
        } catch (RuntimeException e) {
            places.release();
            throw e;
        }
    }

    /** Stops taking sends and waits a little for those under way; the rest are retried after their claim. */
    void stop(Duration wait) {
        ExecutorService stopping;
        synchronized (this) {
            stopping = threads;
        }
        stopping.shutdown();
        try {
            stopping.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The threads to send on: new ones once the dispatcher is started again after a stop. */
    private synchronized ExecutorService threads() {
        if (threads.isShutdown()) {
            threads = newThreads();
        }
        return threads;
    }

    private ExecutorService newThreads() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name(name + "-", 0).factory());
    }
}

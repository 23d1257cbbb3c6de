package org.cascadehub.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must finish within a blink (a live broadcast being written to thousands of screens), so
 * that bulk work (writing out recipient rows, queueing email and SMS for thousands) can step aside
 * meanwhile: on a small machine the two compete for the same cores. Bulk work calls {@link
 * #awaitQuiet} between its steps; urgent work is counted from {@link #begin} until each of its
 * tasks has ended.
 */
@Component
public class UrgentWork {

    private int inFlight; // guarded by this

    /** Urgent work about to hand {@code tasks} tasks to threads, each wrapped by {@link Tracker#counting}. */
    public Tracker begin(int tasks) {
        if (tasks <= 0) {
            return Tracker.NONE;
        }
        synchronized (this) {
            inFlight++;
        }
        return new Tracker(this, tasks);
    }

    /** One piece of urgent work, counted from now until {@link Started#end}. */
    public Started start() {
        return new Started(begin(1).counting(() -> {}));
    }

    /** Waits while any urgent work is under way, at most {@code max}; answers whether it is quiet now. */
    public boolean awaitQuiet(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (this) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private synchronized void finished() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** One piece of urgent work's outstanding tasks. */
    public static final class Tracker {

        public static final Tracker NONE = new Tracker(null, 0);

        private final @Nullable UrgentWork owner;
        private final AtomicInteger left;

        private Tracker(@Nullable UrgentWork owner, int tasks) {
            this.owner = owner;
            this.left = new AtomicInteger(tasks);
        }

        /** Wraps a write task so that it counts down when it ends, however it ends. */
        public Runnable counting(Runnable task) {
            if (owner == null) {
                return task;
            }
            return () -> {
                try {
                    task.run();
                } finally {
                    if (left.decrementAndGet() == 0) {
                        owner.finished();
                    }
                }
            };
        }
    }

    /** Urgent work that {@link #start} began: it ends once, however often it is ended. */
    public static final class Started {

        private final Runnable end;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Started(Runnable end) {
            this.end = end;
        }

        public void end() {
            if (ended.compareAndSet(false, true)) {
                end.run();
            }
        }

        /**
         * Ends when the current transaction has ended, however it ends, after the synchronizations
         * registered before this call (at once outside a transaction). A live broadcast lined up for
         * the commit earlier thus begins its own count before this one ends: bulk work finds no gap.
         */
        public void endWhenTransactionEnds() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                end();
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    end();
                }
            });
        }
    }
}

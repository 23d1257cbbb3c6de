package org.cascadehub.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must finish within a blink (a live broadcast being written to thousands of screens), so
 * that bulk work (writing out recipient rows, queueing email and SMS for thousands) can step aside
 * meanwhile: on a small machine the two compete for the same cores. Urgent work is counted from
 * {@link #begin} until each of its tasks has ended.
 *
 * <p>Bulk work that writes thousands of rows runs its steps through {@link #inTurn}: one step at a
 * time in the whole process (a single bulk lane, so several alerts' bulk work does not take every
 * core at once), and only once no broadcast has been written for {@code cascade.delivery.bulk-settle}
 * (3 s by default: longer than the gaps within a burst of alerts, and short beside email's own
 * delay). A burst of alerts thus has the cores to itself. While alerts keep coming, bulk work still
 * gets one step every {@code cascade.delivery.bulk-busy-interval} (5 s), between broadcasts: email
 * and text messages are queued slower, never not at all. Senders that only poll call {@link
 * #awaitQuiet} instead.
 */
@Component
public class UrgentWork {

    /** However busy the screens, a waiting step goes after this long. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final long settleNanos;
    private final long busyNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lane = new ReentrantLock(true);

    private int inFlight; // guarded by this
    private long quietSince; // guarded by this: when the last urgent work ended
    private long lastTurn; // guarded by this: when a bulk step last went

    /** Bulk steps wait for nothing but broadcasts in flight (for tests that need no settling). */
    public UrgentWork() {
        this(Duration.ZERO, Duration.ZERO, System::nanoTime);
    }

    @Autowired
    public UrgentWork(
            @Value("${cascade.delivery.bulk-settle:PT3S}") Duration settle,
            @Value("${cascade.delivery.bulk-busy-interval:PT5S}") Duration busyInterval) {
        this(settle, busyInterval, System::nanoTime);
    }

    UrgentWork(Duration settle, Duration busyInterval, LongSupplier nanoClock) {
        if (settle.isNegative() || busyInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "cascade.delivery.bulk-settle and cascade.delivery.bulk-busy-interval must not be negative");
        }
        this.settleNanos = settle.toNanos();
        this.busyNanos = busyInterval.toNanos();
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.quietSince = now - settleNanos;
        this.lastTurn = now - busyNanos;
    }

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

    /**
     * Runs one step of bulk work in its turn (see the class comment): after any step already
     * running, once the screens have settled or, while they stay busy, when the busy interval allows.
     */
    public void inTurn(Runnable step) throws InterruptedException {
        lane.lockInterruptibly();
        try {
            awaitTurn();
            step.run();
        } finally {
            lane.unlock();
        }
    }

    private synchronized void awaitTurn() throws InterruptedException {
        long since = nanoClock.getAsLong();
        long wait;
        while ((wait = turnIn(since)) > 0) {
            wait(Math.max(1, wait / 1_000_000));
        }
    }

    /**
     * Nanoseconds until a step that started waiting at {@code since} may go, or 0 if now (and then
     * it counts as taken). Bulk work never starts while a broadcast is being written unless it has
     * waited {@link #LONGEST_WAIT} (a broadcast takes well under a second).
     */
    synchronized long turnIn(long since) {
        long now = nanoClock.getAsLong();
        long leftToWait = LONGEST_WAIT.toNanos() - (now - since);
        boolean overdue = leftToWait <= 0;
        if (inFlight > 0 && !overdue) {
            return leftToWait; // or until woken when the broadcast ends
        }
        long settled = settleNanos - (now - quietSince);
        // a busy turn once both this step and the lane have waited an interval
        long nextBusyTurn = busyNanos - (now - Math.max(lastTurn, since));
        if ((inFlight == 0 && settled <= 0) || nextBusyTurn <= 0 || overdue) {
            lastTurn = now;
            return 0;
        }
        return Math.min(settled, nextBusyTurn);
    }

    private synchronized void finished() {
        inFlight--;
        if (inFlight == 0) {
            quietSince = nanoClock.getAsLong();
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

        /** Counts {@code tasks} more tasks, to be wrapped by {@link #counting}, before the last ends. */
        public void add(int tasks) {
            if (owner != null && tasks > 0) {
                left.addAndGet(tasks);
            }
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

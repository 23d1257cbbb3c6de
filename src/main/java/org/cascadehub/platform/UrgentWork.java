package org.cascadehub.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** However long a broadcast seems to take, a waiting step goes after this long (in its turn). */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /**
     * However busy the screens, a step that can wait goes after this long: longer than a storm of
     * alerts lasts, since a step of it (19,000 rows in one statement) takes a core for half a second.
     */
    private static final Duration LONGEST_SETTLED_WAIT = Duration.ofMinutes(5);

    private final long settleNanos;
    private final long busyNanos;
    private final LongSupplier nanoClock;

    private int inFlight; // guarded by this
    private boolean laneTaken; // guarded by this: a bulk step is running
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
     * Runs one step of bulk work in its turn (see the class comment): when no other step is running,
     * once the screens have settled or, while they stay busy, when the busy interval allows.
     */
    public void inTurn(Runnable step) throws InterruptedException {
        run(step, true);
    }

    /**
     * Runs one step of bulk work that can wait (nothing anyone waits for depends on it): like {@link
     * #inTurn}, but only once the screens have settled, taking no busy turns, or after {@link
     * #LONGEST_SETTLED_WAIT} however busy.
     */
    public void whenSettled(Runnable step) throws InterruptedException {
        run(step, false);
    }

    private void run(Runnable step, boolean whileBusy) throws InterruptedException {
        take(whileBusy);
        try {
            step.run();
        } finally {
            release();
        }
    }

    private synchronized void take(boolean whileBusy) throws InterruptedException {
        long since = nanoClock.getAsLong();
        while (true) {
            long wait = laneTaken ? LONGEST_WAIT.toNanos() : turnIn(since, whileBusy);
            if (wait <= 0) {
                laneTaken = true;
                return;
            }
            wait(Math.max(1, wait / 1_000_000)); // woken too when a broadcast or a step ends
        }
    }

    private synchronized void release() {
        laneTaken = false;
        notifyAll();
    }

    /**
     * Nanoseconds until a step that started waiting at {@code since} may go, or 0 if now (and then
     * it counts as taken). No step starts while a broadcast is being written, unless the step has
     * waited {@link #LONGEST_WAIT} (a broadcast takes well under a second: one that seems never to
     * end holds nothing up for ever). Once the screens have settled steps go one after another;
     * until then one goes per busy interval, and work that can wait only once it has waited {@link
     * #LONGEST_SETTLED_WAIT}.
     */
    synchronized long turnIn(long since, boolean whileBusy) {
        long now = nanoClock.getAsLong();
        long broadcastWait = LONGEST_WAIT.toNanos() - (now - since);
        boolean broadcasting = inFlight > 0 && broadcastWait > 0;
        long settled = settleNanos - (now - quietSince);
        if (inFlight == 0 && settled <= 0) {
            lastTurn = now;
            return 0;
        }
        long busyTurn = whileBusy
                ? busyNanos - (now - Math.max(lastTurn, since))
                : LONGEST_SETTLED_WAIT.toNanos() - (now - since);
        if (!broadcasting && busyTurn <= 0) {
            lastTurn = now;
            return 0;
        }
        long wait = Math.max(busyTurn, 1);
        if (broadcasting) {
            wait = Math.min(wait, broadcastWait); // or until woken when the broadcast ends
        } else if (inFlight == 0) {
            wait = Math.min(wait, settled);
        }
        return wait;
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

package org.cascadehub.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A dispatcher that polls its outbox on its own virtual thread: at once when nudged (after a commit
 * on this node that queued something, or by {@link OutboxWakeups} when any node queued rows), when
 * its next retry is due, and otherwise every {@code cascade.delivery.outbox-fallback-poll} (60 s).
 * While {@link OutboxWakeups} is not listening it polls every {@code interval} (1 s), as it did
 * before wake-ups: an idle node then queried three outboxes three times a second. Each channel has
 * its own thread rather than a {@code @Scheduled} method because Spring runs every fixed-delay task
 * on one shared thread, where a slow mail server would hold up SMS and webhooks too.
 */
abstract class PollingDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingDispatcher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration YIELD = Duration.ofSeconds(1);

    private final String name;
    private final Duration interval;
    private final OutboxWakeups wakeups;
    private final UrgentWork urgent;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread thread;

    PollingDispatcher(String name, String table, Duration interval, OutboxWakeups wakeups, UrgentWork urgent) {
        this.name = name;
        this.interval = interval;
        this.wakeups = wakeups;
        this.urgent = urgent;
        wakeups.register(table, this);
    }

    /** Sends what is due now; called from the dispatcher's own thread only. */
    abstract void poll();

    /**
     * How long until the earliest row not due yet (a retry) becomes due, or {@code null} if none
     * waits; rows due now that {@link #poll} left (no free sender) are its own to nudge about.
     */
    abstract @Nullable Duration untilNextDue();

    /** Called once the polling thread has stopped, to let go of anything else the dispatcher holds. */
    void stopped() {}

    /** Polls again at once rather than at the next interval. */
    void nudge() {
        wake.release();
    }

    /** Nudges once the current transaction commits (at once if there is none). */
    void nudgeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    nudge();
                }
            });
        } else {
            nudge();
        }
    }

    private void run() {
        while (running) {
            // Sending is bulk work: a live broadcast being written goes first (at most YIELD).
            urgent.awaitQuiet(YIELD);
            try {
                poll();
            } catch (RuntimeException e) {
                log.warn("The {} failed to poll its outbox; it tries again shortly", name, e);
            }
            try {
                wake.tryAcquire(waitMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The short interval while not hearing wake-ups; else until the next retry, within the fallback. */
    private long waitMillis() {
        long shortest = interval.toMillis();
        if (!wakeups.listening()) {
            return shortest;
        }
        long longest = Math.max(shortest, wakeups.fallback().toMillis());
        try {
            Duration next = untilNextDue();
            return next == null ? longest : Math.clamp(next.toMillis(), shortest, longest);
        } catch (RuntimeException e) {
            log.warn("The {} could not read when its next retry is due; it polls again shortly", name, e);
            return shortest;
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread current = thread;
        if (current != null) {
            try {
                // Not interrupted: that would close a database connection in use. A send in progress
                // ends within its own timeout; whatever was claimed and not settled is sent again later.
                current.join(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopped();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

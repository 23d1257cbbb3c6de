package org.cascadehub.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatchers when rows are queued on any node: every insert into an outbox tells {@code
 * LISTEN cascade_outbox} which table (a statement trigger, {@code V18}), and this node's dispatcher
 * for that table polls at once. Listening, a dispatcher need not poll every second for work another
 * node queued: it sleeps until its next retry is due, or {@code
 * cascade.delivery.outbox-fallback-poll} (60 s) at most, which also picks up the rows of a node that
 * died holding them. While not listening (the connection failed) the dispatchers poll at their
 * short interval, as before. One pooled connection is held for listening.
 */
@Component
class OutboxWakeups implements SmartLifecycle {

    static final String CHANNEL = "cascade_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeups.class);
    private static final int WAIT_MILLIS = 1000;

    private final DataSource dataSource;
    private final Duration fallback;
    private final Map<String, PollingDispatcher> dispatchers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> heard = new ConcurrentHashMap<>();

    /** The thread listening now; one stopped and replaced ends its loop. */
    private volatile @Nullable Thread listener;

    private volatile boolean listening;

    OutboxWakeups(DataSource dataSource, @Value("${cascade.delivery.outbox-fallback-poll:PT60S}") Duration fallback) {
        if (fallback.isNegative() || fallback.isZero()) {
            throw new IllegalArgumentException("cascade.delivery.outbox-fallback-poll must be more than 0");
        }
        this.dataSource = dataSource;
        this.fallback = fallback;
    }

    /** The dispatcher to nudge when rows are queued in {@code table}. */
    void register(String table, PollingDispatcher dispatcher) {
        dispatchers.put(table, dispatcher);
    }

    /** Whether queued rows wake the dispatchers now; if not, they poll at their short interval. */
    boolean listening() {
        return listening;
    }

    /** The longest a listening dispatcher waits between polls. */
    Duration fallback() {
        return fallback;
    }

    /** How many wake-ups for {@code table} this node has heard (for tests and diagnosis). */
    long heard(String table) {
        AtomicLong count = heard.get(table);
        return count == null ? 0 : count.get();
    }

    @Override
    public void start() {
        Thread thread =
                Thread.ofPlatform().name("cascade-outbox-wakeups").daemon().unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        listening = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** Before the dispatchers (default phase) start, so their first wait already knows. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private boolean running() {
        return listener == Thread.currentThread();
    }

    private void listen() {
        long pause = 1000;
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                execute(connection, "LISTEN " + CHANNEL);
                listening = true;
                // Rows queued before LISTEN took effect have no wake-up coming: poll once now.
                dispatchers.values().forEach(PollingDispatcher::nudge);
                pause = 1000;
                while (running()) {
                    wake(postgres.getNotifications(WAIT_MILLIS));
                }
                listening = false;
                execute(connection, "UNLISTEN " + CHANNEL);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running()) {
                    return;
                }
                log.warn(
                        "Not hearing queued outbox rows ({}); the dispatchers poll every second meanwhile",
                        e.toString());
                sleep(pause);
                pause = Math.min(pause * 2, 30_000);
            }
        }
    }

    private void wake(PGNotification @Nullable [] received) {
        if (received == null) {
            return;
        }
        for (PGNotification notification : received) {
            String table = notification.getParameter();
            heard.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
            PollingDispatcher dispatcher = dispatchers.get(table);
            if (dispatcher != null) {
                dispatcher.nudge();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.cascadehub.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on one PostgreSQL {@code LISTEN} channel, on a thread and a pooled connection of its own,
 * and hands what every node notifies to a {@link Hearing}. If the connection fails it says so and
 * listens again, waiting longer each time (up to 30 s). Stopped and started with its owner's
 * lifecycle; a stopped listener's thread ends its loop, so a paused context can be started again.
 */
public final class PostgresChannel {

    /** What the owner does with what is heard. */
    public interface Hearing {

        /** LISTEN has taken effect: anything committed from now on will be heard (catch up here). */
        void nowListening();

        /** Payloads notified on the channel, in order. */
        void received(List<String> payloads);

        /** Not listening any more (the connection failed); called before each retry. */
        void lost(Exception why);
    }

    private static final long FIRST_PAUSE_MILLIS = 1_000;
    private static final long LONGEST_PAUSE_MILLIS = 30_000;

    private final String channel;
    private final String threadName;
    private final int waitMillis;
    private final DataSource dataSource;
    private final Hearing hearing;

    /** The thread listening now; one stopped and replaced ends its loop. */
    private volatile @Nullable Thread listener;

    /** {@code channel} is the caller's constant, never input. */
    public PostgresChannel(String channel, String threadName, int waitMillis, DataSource dataSource, Hearing hearing) {
        this.channel = channel;
        this.threadName = threadName;
        this.waitMillis = waitMillis;
        this.dataSource = dataSource;
        this.hearing = hearing;
    }

    public void start() {
        Thread thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    /** Stops listening and waits (5 s at most) for the thread to let go of its connection. */
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return listener != null;
    }

    private boolean running() {
        return listener == Thread.currentThread();
    }

    private void listen() {
        long pause = FIRST_PAUSE_MILLIS;
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                execute(connection, "LISTEN " + channel);
                hearing.nowListening();
                pause = FIRST_PAUSE_MILLIS;
                while (running()) {
                    hand(postgres.getNotifications(waitMillis));
                }
                execute(connection, "UNLISTEN " + channel);
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    return;
                }
                hearing.lost(e);
                sleep(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private void hand(PGNotification @Nullable [] received) {
        if (received == null || received.length == 0) {
            return;
        }
        List<String> payloads = new ArrayList<>(received.length);
        for (PGNotification notification : received) {
            payloads.add(notification.getParameter());
        }
        hearing.received(payloads);
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

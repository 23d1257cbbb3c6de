package org.cascadehub.access;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the access changes every node sends ({@link AccessChanges}) on PostgreSQL's {@code LISTEN
 * cascade_access}, over one connection of its own, and has {@link BearerTokens} read them again. It
 * listens before it loads the tokens, so nothing committed after the load is missed; if the
 * connection fails, tokens are checked in the database until it listens again and has reloaded.
 */
@Component
class AccessChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessChangeFeed.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final BearerTokens tokens;

    /** The thread listening now; one stopped and replaced (a paused context restarted) ends its loop. */
    private volatile @Nullable Thread listener;

    AccessChangeFeed(DataSource dataSource, BearerTokens tokens) {
        this.dataSource = dataSource;
        this.tokens = tokens;
    }

    @Override
    public void start() {
        Thread thread =
                Thread.ofPlatform().name("cascade-access-changes").daemon().unstarted(this::listen);
        listener = thread;
        thread.start();
    }

    @Override
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
        tokens.deaf();
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private boolean running() {
        return listener == Thread.currentThread();
    }

    private void listen() {
        long pause = 1000;
        while (running()) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                execute(connection, "LISTEN " + AccessChange.CHANNEL);
                tokens.reload();
                apply(postgres.getNotifications());
                if (running()) {
                    tokens.listening();
                }
                pause = 1000;
                while (running()) {
                    apply(postgres.getNotifications(WAIT_MILLIS));
                }
                execute(connection, "UNLISTEN " + AccessChange.CHANNEL);
            } catch (SQLException | RuntimeException e) {
                if (!running()) {
                    return;
                }
                tokens.deaf();
                log.warn(
                        "Not hearing access changes ({}); API tokens are checked in the database until it is back",
                        e.toString());
                sleep(pause);
                pause = Math.min(pause * 2, 30_000);
            }
        }
    }

    private void apply(PGNotification @Nullable [] received) {
        if (received == null || received.length == 0) {
            return;
        }
        List<AccessChange> changes = new ArrayList<>(received.length);
        for (PGNotification notification : received) {
            AccessChange.parse(notification.getParameter()).ifPresent(changes::add);
        }
        tokens.apply(changes);
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

package org.cascadehub.access;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cascadehub.platform.PostgresChannel;
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
class AccessChangeFeed implements SmartLifecycle, PostgresChannel.Hearing {

    private static final Logger log = LoggerFactory.getLogger(AccessChangeFeed.class);
    private static final int WAIT_MILLIS = 500;

    private final BearerTokens tokens;
    private final PostgresChannel channel;

    AccessChangeFeed(DataSource dataSource, BearerTokens tokens) {
        this.tokens = tokens;
        this.channel =
                new PostgresChannel(AccessChange.CHANNEL, "cascade-access-changes", WAIT_MILLIS, dataSource, this);
    }

    @Override
    public void start() {
        channel.start();
    }

    @Override
    public void stop() {
        channel.stop();
        tokens.deaf();
    }

    @Override
    public boolean isRunning() {
        return channel.isRunning();
    }

    /** Listening before loading: a change committed after the load is heard, one before it is loaded. */
    @Override
    public void nowListening() {
        tokens.reload();
        tokens.listening();
    }

    @Override
    public void received(List<String> payloads) {
        List<AccessChange> changes = new ArrayList<>(payloads.size());
        payloads.forEach(payload -> AccessChange.parse(payload).ifPresent(changes::add));
        tokens.apply(changes);
    }

    @Override
    public void lost(Exception why) {
        tokens.deaf();
        log.warn(
                "Not hearing access changes ({}); API tokens are checked in the database until it is back",
                why.toString());
    }
}

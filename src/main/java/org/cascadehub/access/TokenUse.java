package org.cascadehub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written in batches off the request path: a request only notes
 * the time in memory (one entry per token, the latest wins), and one statement writes every noted
 * token every {@code cascade.access.token-use-interval} (30 s) and at shutdown. Writing on every
 * request cost a write transaction per new connection, which limited how fast streams opened.
 */
@Component
class TokenUse implements DisposableBean {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Instant> used = new ConcurrentHashMap<>();

    TokenUse(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void used(UUID token) {
        used.put(token, clock.instant());
    }

    /** Writes what was noted since the last write; answers how many tokens it wrote. */
    @Scheduled(
            fixedDelayString = "${cascade.access.token-use-interval:PT30S}",
            initialDelayString = "${cascade.access.token-use-interval:PT30S}")
    synchronized int write() {
        if (used.isEmpty()) {
            return 0;
        }
        UUID[] keys = used.keySet().toArray(UUID[]::new);
        String[] ids = new String[keys.length];
        String[] times = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            // Taken out one by one: a use noted meanwhile stays for the next write.
            ids[i] = keys[i].toString();
            times[i] = used.remove(keys[i]).toString();
        }
        jdbc.sql("""
                UPDATE api_token t SET last_used_at = u.at
                FROM unnest(?::text[]::uuid[], ?::text[]::timestamptz[]) AS u(id, at)
                WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)
                """).params(ids, times).update();
        return ids.length;
    }

    /** The later of the stored time and a use noted but not yet written. */
    @Nullable
    Instant lastUsed(UUID token, @Nullable Instant stored) {
        Instant noted = used.get(token);
        return noted == null || (stored != null && stored.isAfter(noted)) ? stored : noted;
    }

    @Override
    public void destroy() {
        write();
    }
}

package org.cascadehub.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written in batches off the request path: a request only notes
 * the time in memory (one entry per token, the latest wins), and every {@code
 * cascade.access.token-use-interval} (30 s) the noted uses are written in steps of {@value #STEP}
 * tokens, in the bulk lane once the screens have settled ({@link UrgentWork#whenSettled}; nobody
 * waits for them, as {@link #lastUsed} also answers from memory), and at shutdown at once. Writing
 * on every request cost a write transaction per new connection, which limited how fast streams
 * opened; writing the 19,000 tokens of a city's reconnected streams in one statement took a
 * database core for 0.6 s in the middle of live broadcasts.
 */
@Component
class TokenUse implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TokenUse.class);

    /** Tokens per statement: about as long as one step of email queueing. */
    static final int STEP = 1_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UrgentWork urgent;
    private final ConcurrentHashMap<UUID, Instant> used = new ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("token-use").factory());

    TokenUse(JdbcClient jdbc, Clock clock, UrgentWork urgent) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.urgent = urgent;
    }

    void used(UUID token) {
        used.put(token, clock.instant());
    }

    /** Queues a write of what has been noted, unless one is still waiting for its turn. */
    @Scheduled(
            fixedDelayString = "${cascade.access.token-use-interval:PT30S}",
            initialDelayString = "${cascade.access.token-use-interval:PT30S}")
    void writeSoon() {
        if (used.isEmpty() || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    for (List<Map.Entry<UUID, Instant>> step : steps()) {
                        urgent.whenSettled(() -> write(step));
                    }
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt(); // shutdown writes what is left
                } catch (RuntimeException e) {
                    log.warn("Writing when API tokens were last used failed; they are tried again", e);
                } finally {
                    queued.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            queued.set(false);
        }
    }

    /** Writes what was noted, now; answers how many tokens it wrote. */
    int write() {
        int written = 0;
        for (List<Map.Entry<UUID, Instant>> step : steps()) {
            write(step);
            written += step.size();
        }
        return written;
    }

    /** What has been noted so far, in steps of {@value #STEP}. */
    private List<List<Map.Entry<UUID, Instant>>> steps() {
        List<Map.Entry<UUID, Instant>> noted = List.copyOf(used.entrySet());
        List<List<Map.Entry<UUID, Instant>>> steps = new ArrayList<>();
        for (int from = 0; from < noted.size(); from += STEP) {
            steps.add(noted.subList(from, Math.min(noted.size(), from + STEP)));
        }
        return steps;
    }

    private void write(List<Map.Entry<UUID, Instant>> step) {
        String[] ids = new String[step.size()];
        String[] times = new String[step.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = step.get(i).getKey().toString();
            times[i] = step.get(i).getValue().toString();
        }
        jdbc.sql("""
                UPDATE api_token t SET last_used_at = u.at
                FROM unnest(?::text[]::uuid[], ?::text[]::timestamptz[]) AS u(id, at)
                WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.at)
                """).params(ids, times).update();
        // forgotten only once written, and only if unchanged: a use noted meanwhile stays for the next write
        step.forEach(e -> used.remove(e.getKey(), e.getValue()));
    }

    /** The later of the stored time and a use noted but not yet written. */
    @Nullable
    Instant lastUsed(UUID token, @Nullable Instant stored) {
        Instant noted = used.get(token);
        return noted == null || (stored != null && stored.isAfter(noted)) ? stored : noted;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
        write();
    }
}

package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every outbox table shares. Due rows are claimed in a short transaction (FOR UPDATE SKIP
 * LOCKED, so several nodes share the work and a row being claimed elsewhere is passed over, not
 * waited for), sent outside any transaction, then settled: sent, or rescheduled with backoff until
 * the last attempt, after which the row takes its given-up status. A claim expires, so a node that
 * dies mid-send leaves its rows to another (at-least-once delivery).
 */
final class OutboxRows {

    /** What became of a failed attempt. */
    enum Outcome {
        RETRYING,
        GAVE_UP
    }

    private final String table;
    private final String gaveUpStatus;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** {@code table} and {@code gaveUpStatus} are constants of the caller, never input. */
    OutboxRows(String table, String gaveUpStatus, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.table = table;
        this.gaveUpStatus = gaveUpStatus;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due rows, oldest first, for {@code hold}; answers the given columns. */
    <T> List<T> claim(String columns, int limit, Duration hold, RowMapper<T> mapper) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        String sql = """
                UPDATE %1$s SET claimed_until = ?, last_attempt_at = ?
                WHERE id IN (SELECT id FROM %1$s
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                               AND (claimed_until IS NULL OR claimed_until < ?)
                             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING %2$s
                """.formatted(table, columns);
        return transactions.execute(status -> jdbc.sql(sql)
                .params(
                        Timestamp.from(now.plus(hold)),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        limit)
                .query(mapper)
                .list());
    }

    /** How long until the earliest pending row not due yet becomes due, or {@code null} if none waits. */
    @Nullable
    Duration untilNextDue() {
        Instant now = clock.instant();
        Timestamp next = jdbc.sql("SELECT min(next_attempt_at) FROM %s WHERE status = 'PENDING' AND next_attempt_at > ?"
                        .formatted(table))
                .param(Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        return next == null ? null : Duration.between(now, next.toInstant());
    }

    void sent(long id) {
        sent(List.of(id));
    }

    /** Settles many sent rows in one statement. */
    void sent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE %s SET status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = NULL
                WHERE id = ANY (?::bigint[]) AND status = 'PENDING'
                """.formatted(table))
                .params(Timestamp.from(clock.instant()), ids.toArray(Long[]::new))
                .update();
    }

    /**
     * Records a failed attempt: the row is tried again after the backoff, or, at the last attempt,
     * given up.
     */
    Outcome failed(long id, int attemptsBefore, String error, int maxAttempts, Backoff backoff) {
        int attempts = attemptsBefore + 1;
        boolean giveUp = attempts >= maxAttempts;
        jdbc.sql("""
                UPDATE %s SET attempts = ?, status = ?, next_attempt_at = ?, last_error = ?, claimed_until = NULL
                WHERE id = ? AND status = 'PENDING'
                """.formatted(table))
                .params(
                        attempts,
                        giveUp ? gaveUpStatus : "PENDING",
                        Timestamp.from(clock.instant().plus(backoff.after(attempts))),
                        error.length() > 1000 ? error.substring(0, 1000) : error,
                        id)
                .update();
        return giveUp ? Outcome.GAVE_UP : Outcome.RETRYING;
    }
}

package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable email outbox. Enqueueing joins the caller's transaction (it refuses to run without
 * one), so an email is sent if and only if the change it reports was committed. A dedupe key makes
 * it idempotent: an event listener that runs again after a crash queues nothing twice.
 */
@Service
public class EmailOutbox {

    private static final List<String> COLUMNS =
            List.of("recipient", "subject", "body", "dedupe_key", "created_at", "next_attempt_at");

    private final JdbcClient jdbc;
    private final OutboxInsert insert;
    private final Clock clock;
    private final EmailDispatcher dispatcher;

    EmailOutbox(JdbcClient jdbc, JdbcTemplate template, Clock clock, EmailDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.insert = new OutboxInsert(template, "outbound_email", COLUMNS);
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Email email) {
        enqueue(email, null);
    }

    /**
     * Queues one email unless one with the same dedupe key was queued before (a null key never
     * matches). Answers whether it was queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(Email email, @Nullable String dedupeKey) {
        return enqueueAll(List.of(new KeyedEmail(email, dedupeKey))) == 1;
    }

    /**
     * Queues many emails with a few multi-row statements, skipping any whose dedupe key was queued
     * before or earlier in the list. Answers how many were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueAll(List<KeyedEmail> emails) {
        if (emails.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int queued = insert.rows(emails.stream()
                .map(keyed -> new @Nullable Object[] {
                    keyed.email().to(),
                    keyed.email().subject(),
                    keyed.email().body(),
                    OutboxInsert.checkedKey(keyed.dedupeKey()),
                    now,
                    now
                })
                .toList());
        if (queued > 0) {
            dispatcher.nudgeAfterCommit();
        }
        return queued;
    }

    /** One email in the outbox, as administrators see it; the body only where it may be shown. */
    public record OutboundEmail(
            long id,
            String to,
            String subject,
            @Nullable String body,
            String status,
            int attempts,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String lastError) {}

    /** The newest emails first; {@code withBodies} only where showing them gives nothing away (demo mode). */
    @Transactional(readOnly = true)
    public List<OutboundEmail> recent(int limit, boolean withBodies) {
        return jdbc.sql("SELECT * FROM outbound_email ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new OutboundEmail(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        withBodies ? rs.getString("body") : null,
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null
                                ? null
                                : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("last_error")))
                .list();
    }
}

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
 * it idempotent: an event listener that runs again after a crash queues nothing twice. An email
 * thousands receive (an alert's) is stored once, each recipient's row holding only their own part
 * ({@link #enqueueShared}).
 */
@Service
public class EmailOutbox {

    private static final List<String> COLUMNS =
            List.of("recipient", "subject", "body", "dedupe_key", "created_at", "next_attempt_at");
    private static final List<String> SHARED_COLUMNS =
            List.of("recipient", "content_id", "body", "dedupe_key", "created_at", "next_attempt_at");

    private final JdbcClient jdbc;
    private final OutboxInsert insert;
    private final OutboxInsert sharedInsert;
    private final Clock clock;
    private final EmailDispatcher dispatcher;

    EmailOutbox(JdbcClient jdbc, JdbcTemplate template, Clock clock, EmailDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.insert = new OutboxInsert(template, "outbound_email", COLUMNS);
        this.sharedInsert = new OutboxInsert(template, "outbound_email", SHARED_COLUMNS);
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * The words many emails share, stored once under the caller's {@code key} (such as {@code
     * alert:42:email}); each recipient's body is head + their own part + tail.
     */
    public record SharedContent(String key, String subject, String head, String tail) {}

    /** One recipient of shared content: their address and own part, and the row's dedupe key. */
    public record OwnPart(String to, String part, @Nullable String dedupeKey) {}

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

    /**
     * Queues one email per part, all sharing {@code content}, which is stored once: a call with the
     * same content key (a listener's next step, or its re-run after a crash) finds the content stored
     * before, and parts whose dedupe key was queued before are skipped as in {@link #enqueueAll}.
     * Content is never left without an email referring to it: nothing is stored for no parts, and
     * content stored by a call that queued nothing is deleted again. Answers how many were queued.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueShared(SharedContent content, List<OwnPart> parts) {
        if (parts.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Stored stored = store(content, now);
        int queued = sharedInsert.rows(parts.stream()
                .map(part -> new @Nullable Object[] {
                    part.to(), stored.id(), part.part(), OutboxInsert.checkedKey(part.dedupeKey()), now, now
                })
                .toList());
        if (queued == 0 && stored.fresh()) {
            // every part was queued before, with content stored under another key or none: keep no orphan
            jdbc.sql("DELETE FROM outbound_email_content WHERE id = ?")
                    .param(stored.id())
                    .update();
        }
        if (queued > 0) {
            dispatcher.nudgeAfterCommit();
        }
        return queued;
    }

    /** Stores the content, or finds it by key; {@code fresh} if this call stored it. */
    private record Stored(long id, boolean fresh) {}

    private Stored store(SharedContent content, Timestamp now) {
        String key = OutboxInsert.checkedKey(content.key());
        return jdbc.sql("""
                INSERT INTO outbound_email_content (content_key, subject, head, tail, stored_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (content_key) DO NOTHING
                RETURNING id
                """)
                .params(key, content.subject(), content.head(), content.tail(), now)
                .query(Long.class)
                .optional()
                .map(id -> new Stored(id, true))
                .orElseGet(() -> new Stored(
                        jdbc.sql("SELECT id FROM outbound_email_content WHERE content_key = ?")
                                .param(key)
                                .query(Long.class)
                                .single(),
                        false));
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
        return jdbc.sql("SELECT * FROM outbound_email_composed ORDER BY id DESC LIMIT ?")
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

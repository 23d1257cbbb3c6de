package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable email outbox. {@link #enqueue} joins the caller's transaction, so an email is sent if
 * and only if the change it reports was committed.
 */
@Service
public class EmailOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Email email) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO outbound_email (recipient, subject, body, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(email.to(), email.subject(), email.body(), Timestamp.from(now), Timestamp.from(now))
                .update();
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

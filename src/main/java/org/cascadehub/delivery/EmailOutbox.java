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

    /** One email in the outbox, as administrators see it. */
    public record OutboundEmail(
            long id,
            String to,
            String subject,
            String status,
            int attempts,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable String lastError) {}

    @Transactional(readOnly = true)
    public List<OutboundEmail> recent(int limit) {
        return jdbc.sql("SELECT * FROM outbound_email ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new OutboundEmail(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
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

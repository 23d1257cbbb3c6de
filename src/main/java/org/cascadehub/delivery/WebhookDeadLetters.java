package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.cascadehub.delivery.DeliveryEvents.WebhookDeliveryRetried;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook deliveries that were given up after their last attempt, for hub administrators: they see
 * where each was going and why it failed (not its body), and can send one again.
 */
@Service
class WebhookDeadLetters {

    private final JdbcClient jdbc;
    private final WebhookDispatcher dispatcher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WebhookDeadLetters(JdbcClient jdbc, WebhookDispatcher dispatcher, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.events = events;
        this.clock = clock;
    }

    /** One dead-lettered delivery. */
    record DeadLetter(
            long id,
            WebhookId webhookId,
            OrganisationId organisationId,
            String url,
            String eventType,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant lastAttemptAt) {}

    /** Newest first. */
    @Transactional(readOnly = true)
    Page<DeadLetter> list(Viewer viewer, int page, int size) {
        requireAdministrator(viewer);
        return new SqlFilter()
                .and("w.status = 'DEAD'")
                .page(
                        jdbc,
                        "SELECT count(*) FROM outbound_webhook w",
                        """
                        SELECT w.id, w.subscription_id, s.organisation_id, s.url, w.event_type, w.attempts,
                               w.last_error, w.created_at, w.last_attempt_at
                        FROM outbound_webhook w JOIN webhook_subscription s ON s.id = w.subscription_id
                        """,
                        " ORDER BY w.id DESC",
                        page,
                        size,
                        (rs, n) -> new DeadLetter(
                                rs.getLong("id"),
                                new WebhookId(rs.getObject("subscription_id", UUID.class)),
                                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                                rs.getString("url"),
                                rs.getString("event_type"),
                                rs.getInt("attempts"),
                                rs.getString("last_error"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("last_attempt_at") == null
                                        ? null
                                        : rs.getTimestamp("last_attempt_at").toInstant()));
    }

    /** Sends a dead letter again, with a fresh set of attempts. */
    @Transactional
    void retry(Viewer viewer, long id) {
        requireAdministrator(viewer);
        UUID subscription = jdbc.sql("""
                UPDATE outbound_webhook
                SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = NULL
                WHERE id = ? AND status = 'DEAD'
                RETURNING subscription_id
                """)
                .params(Timestamp.from(clock.instant()), id)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFound("There is no dead-lettered webhook delivery " + id + "."));
        events.publishEvent(new WebhookDeliveryRetried(id, new WebhookId(subscription), Actors.current()));
        dispatcher.nudgeAfterCommit();
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator sees and retries failed webhook deliveries.");
        }
    }
}

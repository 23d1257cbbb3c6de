package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.cascadehub.directory.OrganisationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable webhook outbox: an event for an organisation becomes one delivery per active
 * subscription of that organisation that asked for the event's type. It joins the caller's
 * transaction (and refuses to run without one); the dedupe key makes it idempotent per
 * subscription, so an event listener that runs again after a crash queues nothing twice.
 */
@Service
public class WebhookOutbox {

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookDispatcher dispatcher;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json, Clock clock, WebhookDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues the event for the organisation's matching subscriptions; answers how many deliveries
     * were queued (none if it has no such subscription, or the key was queued before).
     *
     * @param eventType such as {@code alert.published}: lower-case letters, digits, '.', '_', '-'
     * @param jsonBody the body partners receive, a JSON document
     * @param dedupeKey the caller's identifier for this event, such as {@code alert:42:v3}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(OrganisationId organisation, String eventType, String jsonBody, String dedupeKey) {
        return enqueue(List.of(organisation), eventType, jsonBody, dedupeKey);
    }

    /** As {@link #enqueue(OrganisationId, String, String, String)}, for many organisations in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(Collection<OrganisationId> organisations, String eventType, String jsonBody, String dedupeKey) {
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("not an event type: " + eventType);
        }
        OutboxInsert.checkedKey(dedupeKey);
        try {
            json.readTree(jsonBody);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a webhook body is a JSON document", e);
        }
        if (organisations.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int queued = jdbc.sql("""
                INSERT INTO outbound_webhook (subscription_id, event_type, body, dedupe_key, created_at, next_attempt_at)
                SELECT id, ?, ?, ?, ?, ? FROM webhook_subscription
                WHERE organisation_id = ANY (?::uuid[]) AND active
                  AND (? = ANY (event_types) OR '*' = ANY (event_types))
                ON CONFLICT (subscription_id, dedupe_key) DO NOTHING
                """)
                .params(
                        eventType,
                        jsonBody,
                        dedupeKey,
                        now,
                        now,
                        organisations.stream().map(OrganisationId::toString).toArray(String[]::new),
                        eventType)
                .update();
        if (queued > 0) {
            dispatcher.nudgeAfterCommit();
        }
        return queued;
    }
}

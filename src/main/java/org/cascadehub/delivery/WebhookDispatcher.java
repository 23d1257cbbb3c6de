package org.cascadehub.delivery;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cascadehub.platform.SecretSealing;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers what the webhook outbox holds, each POST on its own virtual thread. A slow or dead
 * endpoint delays nobody else: every request has short timeouts, rows are claimed (and the claim
 * committed) before sending, so no lock is held while waiting, and no subscription gets more than
 * {@code per-endpoint} of the {@code concurrency} places. A delivery that keeps failing is retried
 * with backoff and, after the last attempt, dead-lettered.
 */
@Component
class WebhookDispatcher extends PollingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /**
     * Due rows, at most as many per subscription as it has free places, oldest first. Rows locked
     * by another node's claim are skipped, not waited for.
     */
    private static final String CLAIM = """
            WITH endpoints AS (
                SELECT s.id, ? - (SELECT count(*) FROM outbound_webhook busy
                                  WHERE busy.subscription_id = s.id AND busy.status = 'PENDING'
                                    AND busy.claimed_until >= ?) AS room
                FROM webhook_subscription s
                WHERE s.active AND EXISTS (SELECT 1 FROM outbound_webhook d
                                           WHERE d.subscription_id = s.id AND d.status = 'PENDING'
                                             AND d.next_attempt_at <= ?)
            ), picked AS (
                SELECT due.id FROM endpoints e
                CROSS JOIN LATERAL (SELECT d.id FROM outbound_webhook d
                                    WHERE d.subscription_id = e.id AND d.status = 'PENDING'
                                      AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)
                                    ORDER BY d.id LIMIT greatest(e.room, 0)
                                    FOR UPDATE SKIP LOCKED) due
                ORDER BY due.id LIMIT ?
            )
            UPDATE outbound_webhook w SET claimed_until = ?, last_attempt_at = ?
            FROM picked, webhook_subscription s
            WHERE w.id = picked.id AND s.id = w.subscription_id
            RETURNING w.id, w.event_type, w.body, w.attempts, s.url, s.secret
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxRows rows;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration hold;
    private final JsonPoster poster;
    private final ParallelSends sends;
    private final SecretSealing.Sealer secrets;

    WebhookDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            WebhookSettings settings,
            Clock clock,
            OutboxWakeups wakeups,
            UrgentWork urgent,
            SecretSealing sealing) {
        super("webhook-dispatcher", "outbound_webhook", settings.poll(), wakeups, urgent);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rows = new OutboxRows("outbound_webhook", "DEAD", jdbc, transactions, clock);
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.firstRetry(), settings.longestWait());
        // Longer than any one delivery can take, so a claim only lapses when its node has gone.
        this.hold = settings.connectTimeout().plus(settings.requestTimeout()).plusMinutes(1);
        this.poster = new JsonPoster(settings.connectTimeout(), settings.requestTimeout());
        this.sends = new ParallelSends("webhook-send", settings.concurrency(), this::nudge);
        this.secrets = sealing.sealer(WebhookSubscriptions.SECRETS);
    }

    private record Claimed(long id, String eventType, String body, int attempts, URI url, String secret) {}

    @Override
    @Nullable
    Duration untilNextDue() {
        return rows.untilNextDue();
    }

    @Override
    void poll() {
        for (Claimed delivery : claim(sends.free())) {
            sends.start(() -> deliver(delivery));
        }
    }

    private List<Claimed> claim(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        return transactions.execute(status -> jdbc.sql(CLAIM)
                .params(settings.perEndpoint(), at, at, at, at, limit, Timestamp.from(now.plus(hold)), at)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("event_type"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        URI.create(rs.getString("url")),
                        rs.getString("secret")))
                .list());
    }

    private void deliver(Claimed delivery) {
        long now = clock.instant().getEpochSecond();
        String failure;
        try {
            Map<String, String> headers = Map.of(
                    "Cascade-Event", delivery.eventType(),
                    "Cascade-Delivery", Long.toString(delivery.id()),
                    "Cascade-Signature", WebhookSignature.header(secret(delivery), now, delivery.body()));
            int status = poster.post(delivery.url(), delivery.body(), headers);
            if (JsonPoster.successful(status)) {
                rows.sent(delivery.id());
                return;
            }
            failure = "the endpoint answered HTTP " + status;
        } catch (JsonPoster.NotDelivered | SecretUnreadable e) {
            failure = e.getMessage();
        } catch (RuntimeException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        OutboxRows.Outcome outcome =
                rows.failed(delivery.id(), delivery.attempts(), failure, settings.maxAttempts(), backoff);
        log.warn(
                "Webhook delivery {} failed (attempt {}{}): {}",
                delivery.id(),
                delivery.attempts() + 1,
                outcome == OutboxRows.Outcome.GAVE_UP ? ", the last: dead-lettered" : "",
                failure);
    }

    /**
     * The subscription's secret, opened. One stored before secrets were sealed is used as it is
     * until {@link WebhookSecretSealing} seals it at start-up. One that will not open (sealed under
     * another {@code CASCADE_SECRET_KEY}) fails the delivery, which is retried and, if the key is
     * not put back, dead-lettered: nothing is sent unsigned.
     */
    private String secret(Claimed delivery) {
        if (!SecretSealing.Sealer.isSealed(delivery.secret())) {
            return delivery.secret();
        }
        try {
            return secrets.open(delivery.secret());
        } catch (RuntimeException e) {
            throw new SecretUnreadable();
        }
    }

    /** Recorded as the delivery's error as it stands (the decryption's own failure says nothing useful). */
    private static final class SecretUnreadable extends RuntimeException {
        SecretUnreadable() {
            super("the webhook's signing secret does not open with this " + SecretSealing.KEY_VARIABLE
                    + " (was the key changed?)");
        }
    }

    @Override
    void stopped() {
        sends.stop(Duration.ofSeconds(5));
    }
}

package org.cascadehub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the SMS outbox holds through the gateway (see {@link OutboxRows} for claiming and
 * retrying), several at once. Without a gateway messages wait in the outbox.
 */
@Component
class SmsDispatcher extends PollingDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final OutboxRows rows;
    private final SmsConnection connection;
    private final SmsSettings settings;
    private final Backoff backoff;
    private final Duration claim;
    private final ParallelSends sends;
    private final AtomicBoolean warnedNoGateway = new AtomicBoolean();

    SmsDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            SmsConnection connection,
            SmsSettings settings,
            Clock clock,
            OutboxWakeups wakeups,
            UrgentWork urgent) {
        super("sms-dispatcher", "outbound_sms", settings.poll(), wakeups, urgent);
        this.rows = new OutboxRows("outbound_sms", "FAILED", jdbc, transactions, clock);
        this.connection = connection;
        this.settings = settings;
        this.backoff = new Backoff(settings.firstRetry(), Backoff.AN_HOUR);
        // Longer than any one send can take, so a claim only lapses when its node has gone.
        this.claim = settings.connectTimeout().plus(settings.requestTimeout()).plusMinutes(1);
        this.sends = new ParallelSends("sms-send", settings.concurrency(), this::nudge);
    }

    private record Claimed(long id, Sms sms, int attempts) {}

    @Override
    @Nullable
    Duration untilNextDue() {
        return rows.untilNextDue();
    }

    @Override
    void poll() {
        SmsGateway gateway = connection.gateway();
        if (gateway == null) {
            if (!warnedNoGateway.getAndSet(true)) {
                log.warn("No SMS gateway is configured (set CASCADE_SMS_GATEWAYURL): SMS wait in the outbox.");
            }
            return;
        }
        for (Claimed message : rows.claim(
                "id, recipient, text, attempts",
                sends.free(),
                claim,
                (rs, n) -> new Claimed(
                        rs.getLong("id"),
                        new Sms(rs.getString("recipient"), rs.getString("text")),
                        rs.getInt("attempts")))) {
            sends.start(() -> send(gateway, message));
        }
    }

    private void send(SmsGateway gateway, Claimed message) {
        try {
            gateway.send(message.sms(), Long.toString(message.id()));
        } catch (SmsGateway.SmsNotSent e) {
            failed(message, String.valueOf(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            failed(message, e.toString());
            return;
        }
        rows.sent(message.id());
    }

    private void failed(Claimed message, String error) {
        log.warn("SMS {} failed (attempt {}): {}", message.id(), message.attempts() + 1, error);
        rows.failed(message.id(), message.attempts(), error, settings.maxAttempts(), backoff);
    }

    @Override
    void stopped() {
        sends.stop(Duration.ofSeconds(5));
    }
}

package org.cascadehub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery settings ({@code cascade.delivery.*}); SMS and webhooks have their own.
 *
 * @param mailFrom the From address of every email
 * @param emailMaxAttempts attempts before an email is marked failed
 * @param emailFirstRetry the wait after the first failure; it doubles each time, up to an hour
 * @param emailPoll how often the outbox is checked while {@link OutboxWakeups} is not listening, and
 *     the shortest wait between checks (new emails go at once)
 * @param emailConnections connections to the mail server sending at once, each sending up to 50
 *     emails before it is closed: an alert for a whole city queues tens of thousands, which one
 *     connection per email would take most of an hour to send
 * @param outboxRetention how long an email, text message or webhook delivery is kept once it was
 *     sent or given up on ({@link OutboxRetention}); pending ones are kept until they finish
 */
@ConfigurationProperties("cascade.delivery")
record DeliverySettings(
        @DefaultValue("cascade@localhost") String mailFrom,
        @DefaultValue("10") int emailMaxAttempts,
        @DefaultValue("PT10S") Duration emailFirstRetry,
        @DefaultValue("PT1S") Duration emailPoll,
        @DefaultValue("4") int emailConnections,
        @DefaultValue("P30D") Duration outboxRetention) {

    DeliverySettings {
        if (outboxRetention.isNegative() || outboxRetention.isZero()) {
            throw new IllegalArgumentException("cascade.delivery.outbox-retention must be longer than zero");
        }
        if (emailConnections < 1) {
            throw new IllegalArgumentException("cascade.delivery.email-connections must be 1 or more");
        }
    }
}

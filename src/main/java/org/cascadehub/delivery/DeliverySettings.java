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
 */
@ConfigurationProperties("cascade.delivery")
record DeliverySettings(
        @DefaultValue("cascade@localhost") String mailFrom,
        @DefaultValue("10") int emailMaxAttempts,
        @DefaultValue("PT10S") Duration emailFirstRetry,
        @DefaultValue("PT1S") Duration emailPoll) {}

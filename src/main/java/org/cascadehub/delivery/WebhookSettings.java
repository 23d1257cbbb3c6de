package org.cascadehub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code cascade.webhooks.*}).
 *
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param firstRetry the wait after the first failure; it doubles each time, up to {@code longestWait}
 * @param longestWait the longest wait between attempts
 * @param poll how often the outbox is checked while {@link OutboxWakeups} is not listening, and the
 *     shortest wait between checks (new deliveries go at once)
 * @param connectTimeout the longest wait to connect to a partner's endpoint
 * @param requestTimeout the longest wait for its answer
 * @param concurrency the most deliveries under way at once, over all endpoints
 * @param perEndpoint the most deliveries under way at once to one subscription, so a hanging
 *     endpoint holds at most this many of the places
 */
@ConfigurationProperties("cascade.webhooks")
record WebhookSettings(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration longestWait,
        @DefaultValue("PT1S") Duration poll,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration requestTimeout,
        @DefaultValue("32") int concurrency,
        @DefaultValue("2") int perEndpoint) {}

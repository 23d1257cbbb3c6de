package org.cascadehub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code cascade.delivery.*}).
 *
 * @param mailFrom the From address of every email
 * @param emailMaxAttempts attempts before an email is marked failed
 * @param emailFirstRetry the wait after the first failure; it doubles each time, up to an hour
 */
@ConfigurationProperties("cascade.delivery")
record DeliverySettings(
        @DefaultValue("cascade@localhost") String mailFrom,
        @DefaultValue("10") int emailMaxAttempts,
        @DefaultValue("PT10S") Duration emailFirstRetry) {}

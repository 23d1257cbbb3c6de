package org.cascadehub.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS settings ({@code cascade.sms.*}).
 *
 * @param gatewayUrl where messages are POSTed; empty: they wait in the outbox, except in demo mode,
 *     which starts a stand-in gateway on loopback
 * @param gatewayKey the key shared with the gateway: sent as a bearer token, and the HMAC key of
 *     the signature on inbound replies (required with a gateway URL)
 * @param maxAttempts attempts before a message is marked failed
 * @param firstRetry the wait after the first failure; it doubles each time, up to an hour
 * @param poll how often the outbox is checked while {@link OutboxWakeups} is not listening, and the
 *     shortest wait between checks (new messages go at once)
 * @param connectTimeout the longest wait to connect to the gateway
 * @param requestTimeout the longest wait for the gateway's answer
 * @param concurrency the most messages being handed to the gateway at once
 */
@ConfigurationProperties("cascade.sms")
record SmsSettings(
        @DefaultValue("") String gatewayUrl,
        @DefaultValue("") String gatewayKey,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT10S") Duration firstRetry,
        @DefaultValue("PT1S") Duration poll,
        @DefaultValue("PT2S") Duration connectTimeout,
        @DefaultValue("PT5S") Duration requestTimeout,
        @DefaultValue("4") int concurrency) {

    /** Whether a real gateway is configured. */
    boolean gatewayConfigured() {
        return !gatewayUrl.isBlank();
    }
}

package org.cascadehub.delivery;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.cascadehub.platform.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the SMS gateway: the configured one, or in demo mode without one a stand-in on loopback
 * ({@link SmsStandIn}), so a demo shows its messages and can send replies without a provider.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(DemoWithoutGateway.class)
    SmsStandIn smsStandIn(SmsSettings settings, JsonMapper json, Clock clock) {
        String key = settings.gatewayKey().isBlank()
                ? HexFormat.of().formatHex(SecureRandom.getSeed(32))
                : settings.gatewayKey();
        SmsStandIn standIn = SmsStandIn.start(key, json, clock);
        log.info("Demo mode: SMS go to a stand-in gateway; see them at GET {}", standIn.url());
        return standIn;
    }

    @Bean
    SmsConnection smsConnection(SmsSettings settings, ObjectProvider<SmsStandIn> standIn, JsonMapper json) {
        JsonPoster poster = new JsonPoster(settings.connectTimeout(), settings.requestTimeout());
        if (settings.gatewayConfigured()) {
            if (settings.gatewayKey().isBlank()) {
                throw new IllegalStateException(
                        "Set CASCADE_SMS_GATEWAYKEY too: the SMS gateway URL is set without its key.");
            }
            URI url = URI.create(settings.gatewayUrl());
            return new SmsConnection(
                    new HttpSmsGateway(url, settings.gatewayKey(), poster, json), settings.gatewayKey());
        }
        SmsStandIn demo = standIn.getIfAvailable();
        if (demo != null) {
            return new SmsConnection(new HttpSmsGateway(demo.url(), demo.key(), poster, json), demo.key());
        }
        return SmsConnection.NONE;
    }

    /** Tells the stand-in where Cascade listens, for replies, once the server is up. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        SmsStandIn standIn =
                event.getApplicationContext().getBeanProvider(SmsStandIn.class).getIfAvailable();
        if (standIn != null && event.getApplicationContext().getServerNamespace() == null) {
            standIn.replyTo(
                    URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + SmsReplies.INBOUND_PATH));
        }
    }

    /** Demo mode, and no gateway configured. */
    static final class DemoWithoutGateway implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return RunMode.DEMO.name().equals(environment.getProperty(RunMode.PROPERTY))
                    && environment.getProperty("cascade.sms.gateway-url", "").isBlank();
        }
    }
}

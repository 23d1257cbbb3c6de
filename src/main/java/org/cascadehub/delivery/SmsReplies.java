package org.cascadehub.delivery;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies the SMS gateway passes on. A reply counts only when signed with the key shared with the
 * gateway; it is then published as {@link SmsReplyReceived} through the event publication
 * registry, so a listener gets it even if the process stops straight after answering the gateway.
 */
@Service
class SmsReplies {

    static final String INBOUND_PATH = "/api/v1/sms/inbound";
    static final String SIGNATURE_HEADER = "X-Cascade-Gateway-Signature";

    private final SmsConnection connection;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SmsReplies(SmsConnection connection, ApplicationEventPublisher events, Clock clock) {
        this.connection = connection;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the body carries the gateway's signature (never, without a gateway key). */
    boolean authentic(byte[] body, @Nullable String signature) {
        String key = connection.key();
        return key != null && signature != null && Hmac.verify(key, body, signature);
    }

    @Transactional
    void received(String from, String text) {
        events.publishEvent(new SmsReplyReceived(from, text, clock.instant()));
    }
}

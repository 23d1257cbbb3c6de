package org.cascadehub.delivery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.directory.Roster;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.platform.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A text reply {@code ACK 42} (or just {@code ACK}: the newest alert not yet acknowledged)
 * acknowledges for the member whose mobile number sent it. Replies from unknown numbers, and for
 * alerts not sent to that member or no longer current (cancelled, expired), change nothing.
 */
@Component
class SmsAcknowledgements {

    private static final Logger log = LoggerFactory.getLogger(SmsAcknowledgements.class);
    static final Pattern ACK = Pattern.compile("^\\s*ACK(?:\\s+#?(\\d{1,18}))?\\b.*", Pattern.DOTALL);

    private final Roster roster;
    private final Acknowledgements acknowledgements;

    SmsAcknowledgements(Roster roster, Acknowledgements acknowledgements) {
        this.roster = roster;
        this.acknowledgements = acknowledgements;
    }

    /**
     * Asynchronous and from the event publication registry like an {@code @ApplicationModuleListener},
     * but with no transaction of its own: waiting for the acknowledgement writer's commit while
     * holding a pooled connection would let a burst of replies take every connection the writer needs.
     */
    @Async
    @TransactionalEventListener
    void on(SmsReplyReceived reply) {
        Matcher matcher = ACK.matcher(reply.text().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            log.info("A text reply that is not an acknowledgement was ignored");
            return;
        }
        for (Member member : roster.membersWithPhone(reply.from())) {
            Optional<AlertId> alert = matcher.group(1) == null
                    ? acknowledgements.latestUnacknowledged(member.id())
                    : Optional.of(new AlertId(Long.parseLong(matcher.group(1))));
            alert.ifPresent(id -> {
                try {
                    acknowledgements.acknowledgeFor(member.id(), id, "sms");
                } catch (Conflict closed) {
                    log.info("A text acknowledgement was refused: {}", closed.getMessage());
                }
            });
        }
    }
}

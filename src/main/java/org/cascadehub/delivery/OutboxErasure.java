package org.cascadehub.delivery;

import org.cascadehub.directory.DirectoryEvents.PersonErasing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erasure reaches the outboxes: in the erasing transaction, every email to the person's address
 * and every text message queued for them is deleted, sent or still pending, so nothing more goes
 * to someone erased and nothing said to them is kept. Emails go by address (unique to a person, in
 * any case); text messages by the person named at the end of their key ({@code alert:42:sms:<id>},
 * as every text message is queued), not by number alone, as people may share a phone. Webhooks go
 * to organisations and are left alone.
 */
@Component
class OutboxErasure {

    private final JdbcClient jdbc;

    OutboxErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Synchronous, in the erasing transaction: the event carries the addresses and is never stored. */
    @EventListener
    void on(PersonErasing erasing) {
        jdbc.sql("DELETE FROM outbound_email WHERE lower(recipient) = lower(?)")
                .param(erasing.email())
                .update();
        if (erasing.phone() != null) {
            jdbc.sql("DELETE FROM outbound_sms WHERE recipient = ? AND dedupe_key LIKE ?")
                    .params(erasing.phone(), "%:" + erasing.personId())
                    .update();
        }
    }
}

package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.alerts.AlertEvents.AlertPublished;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.AfterCommit;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an alert in one transaction: its recipients fixed, its sequence number and CAP
 * identifier given, earlier versions superseded or cancelled, and {@link AlertPublished} recorded in
 * the event registry, so a published alert is delivered even if the process dies right after.
 */
@Component
class AlertPublication {

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final RecipientIndex index;
    private final RecentRecipients recent;
    private final RecipientRows rows;
    private final UrgentWork urgent;
    private final AlertHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertPublication(
            JdbcClient jdbc,
            Alerts alerts,
            RecipientIndex index,
            RecentRecipients recent,
            RecipientRows rows,
            UrgentWork urgent,
            AlertHistory history,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.index = index;
        this.recent = recent;
        this.rows = rows;
        this.urgent = urgent;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Counts as urgent work ({@link UrgentWork}) from here until the broadcast has taken over, so
     * that an earlier alert's bulk work (its email, its recipient rows) steps aside for this one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Alert publish(Alert alert, @Nullable PersonId approver, @Nullable String approverName) {
        UrgentWork.Started publishing = urgent.start();
        try {
            return publish(alert, approver, approverName, publishing);
        } catch (RuntimeException | Error e) {
            publishing.end();
            throw e;
        }
    }

    private Alert publish(
            Alert alert, @Nullable PersonId approver, @Nullable String approverName, UrgentWork.Started publishing) {
        List<Recipient> matched = index.current().recipients(alert.content());
        Map<PersonId, Recipient> recipients = LinkedHashMap.newLinkedHashMap(matched.size());
        matched.forEach(r -> recipients.put(r.personId(), r));
        if (alert.referencesId() != null) {
            // everyone told about the earlier version hears of its update or cancellation
            alerts.recipients(alert.referencesId()).forEach(r -> recipients.putIfAbsent(r.personId(), r));
        }
        Instant now = clock.instant();
        long seq = jdbc.sql("SELECT nextval('alert_publication_seq')")
                .query(Long.class)
                .single();
        AlertStatus status = alert.msgType() == CapMsgType.Cancel ? AlertStatus.CANCELLED : AlertStatus.PUBLISHED;
        jdbc.sql("""
                UPDATE alert SET status = ?, seq = ?, identifier = ?, published_at = ?, updated_at = ?,
                  recipient_count = ?, decided_by = coalesce(?, decided_by),
                  decided_by_name = coalesce(?, decided_by_name), decided_at = CASE WHEN ? THEN ? ELSE decided_at END
                WHERE id = ?
                """)
                .params(
                        status.name(),
                        seq,
                        "cascade-alert-" + alert.id().value(),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        recipients.size(),
                        approver == null ? null : approver.value(),
                        approverName,
                        approver != null,
                        Timestamp.from(now),
                        alert.id().value())
                .update();
        if (alert.referencesId() != null) {
            String earlier = alert.msgType() == CapMsgType.Cancel ? "CANCELLED" : "SUPERSEDED";
            jdbc.sql(
                            "UPDATE alert SET status = ?, updated_at = ? WHERE thread_id = ? AND id <> ? AND status = 'PUBLISHED'")
                    .params(
                            earlier,
                            Timestamp.from(now),
                            alert.threadId().value(),
                            alert.id().value())
                    .update();
        }
        List<Recipient> sentTo = List.copyOf(recipients.values());
        rows.store(alert.id(), sentTo);
        // a view of the map's keys, not a copy: the broadcast's 19,000 lookups need a set, not a second one
        recent.rememberAfterCommit(alert.id(), sentTo, Collections.unmodifiableSet(recipients.keySet()));
        history.record(alert.id(), "published", seq + " to " + recipients.size() + " people");
        events.publishEvent(new AlertPublished(alert.id(), seq, alert.msgType(), recipients.size(), Actors.current()));
        // after the live broadcast, which the event above has just lined up for the commit
        publishing.endWhenTransactionEnds();
        AfterCommit.run(() -> rows.expandSoon(alert.id()));
        return alerts.find(alert.id()).orElseThrow();
    }
}

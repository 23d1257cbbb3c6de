package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.alerts.AlertEvents.AcknowledgementsOverdue;
import org.cascadehub.alerts.AlertEvents.AlertEscalated;
import org.cascadehub.alerts.AlertEvents.Overdue;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation: a recipient of a current Severe or Extreme alert who has not acknowledged it within
 * {@code escalationAfter} is tried on the next channel (email, then SMS), and after a further wait
 * their organisation's security managers are told. One step per recipient per run, so a restart
 * after a long stop does not skip steps.
 */
@Component
public class Escalations {

    static final int LAST_LEVEL = 3;

    private final JdbcClient jdbc;
    private final RecipientRows rows;
    private final AlertSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Escalations(
            JdbcClient jdbc,
            RecipientRows rows,
            AlertSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${cascade.alerts.escalation-poll:PT15S}")
    void run() {
        // through the template: a call from inside the bean would bypass its @Transactional, and
        // the events it publishes would then reach no transactional listener (audit, channels)
        transactions.executeWithoutResult(status -> escalateDue(clock.instant()));
    }

    /** Takes every escalation step due at {@code now}; answers how many recipients moved on. */
    @Transactional
    public int escalateDue(Instant now) {
        if (settings.escalationSeverities().isEmpty()) {
            return 0;
        }
        String[] severities =
                settings.escalationSeverities().stream().map(Enum::name).toArray(String[]::new);
        // Alerts with a step due: their first comes escalation-after past publication.
        List<Long> escalating = jdbc.sql("""
                SELECT id FROM alert
                WHERE status = 'PUBLISHED' AND msg_type <> 'Cancel' AND severity = ANY (?::text[])
                  AND expires_at > ? AND published_at + (? * interval '1 second') <= ?
                """)
                .params(
                        severities,
                        Timestamp.from(now),
                        settings.escalationAfter().toSeconds(),
                        Timestamp.from(now))
                .query(Long.class)
                .list();
        if (escalating.isEmpty()) {
            return 0;
        }
        // Their recipients still pending (RecipientRows) are written out first, all at level 0 and
        // so due. Only theirs: writing out every pending alert here, every 15 s, took a database
        // core for seconds in the middle of live broadcasts (the 230,000 recipients of a dozen
        // city-wide Minor alerts, which never escalate), past the bulk lane meant to keep such work
        // away from them.
        rows.expand(escalating);
        Map<Long, Map<Integer, List<Overdue>>> due = new LinkedHashMap<>();
        jdbc.sql("""
                UPDATE alert_recipient r SET escalation_level = r.escalation_level + 1
                FROM alert a
                WHERE a.id = r.alert_id AND r.alert_id = ANY (?::bigint[])
                  AND r.acknowledged_at IS NULL AND r.escalation_level < ?
                  AND a.published_at + (r.escalation_level + 1) * (? * interval '1 second') <= ?
                RETURNING r.alert_id, r.escalation_level, r.person_id, r.organisation_id
                """)
                .params(
                        escalating.toArray(Long[]::new),
                        LAST_LEVEL,
                        settings.escalationAfter().toSeconds(),
                        Timestamp.from(now))
                .query(rs -> {
                    due.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
                            .add(new Overdue(
                                    new PersonId(rs.getObject(3, UUID.class)),
                                    new OrganisationId(rs.getObject(4, UUID.class))));
                });
        int moved = 0;
        for (var alert : due.entrySet()) {
            for (var level : alert.getValue().entrySet()) {
                AlertId id = new AlertId(alert.getKey());
                events.publishEvent(new AcknowledgementsOverdue(id, level.getKey(), level.getValue()));
                events.publishEvent(
                        new AlertEscalated(id, level.getKey(), level.getValue().size(), Actor.SYSTEM));
                moved += level.getValue().size();
            }
        }
        return moved;
    }
}

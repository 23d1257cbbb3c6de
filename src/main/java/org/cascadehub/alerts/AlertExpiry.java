package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cascadehub.alerts.AlertEvents.AlertExpired;
import org.cascadehub.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Moves current alerts past their expiry time to EXPIRED. */
@Component
public class AlertExpiry {

    private final JdbcClient jdbc;
    private final AlertHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AlertExpiry(
            JdbcClient jdbc,
            AlertHistory history,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${cascade.alerts.expiry-poll:PT30S}")
    void run() {
        // through the template: a call from inside the bean would bypass its @Transactional, and
        // the events it publishes would then reach no transactional listener (audit, channels)
        transactions.executeWithoutResult(status -> expireDue(clock.instant()));
    }

    /** Expires every current alert whose time has come by {@code now}; answers their ids. */
    @Transactional
    public List<AlertId> expireDue(Instant now) {
        List<AlertId> expired = jdbc.sql("""
                UPDATE alert SET status = 'EXPIRED', updated_at = ?
                WHERE status = 'PUBLISHED' AND expires_at <= ? RETURNING id
                """)
                .params(Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new AlertId(rs.getLong(1)))
                .list();
        for (AlertId id : expired) {
            history.record(id, "expired", null);
            events.publishEvent(new AlertExpired(id, Actor.SYSTEM));
        }
        return expired;
    }
}

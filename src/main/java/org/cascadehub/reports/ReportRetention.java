package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.cascadehub.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: a report closed longer than {@code cascade.reports.retention} ago is deleted with
 * everything that hangs off it. Each purge is a {@link ReportPurged} event, which the audit log
 * records and the attachments listen to (their files live outside the database).
 */
@Component
public class ReportRetention {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final ReportSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ReportRetention(
            JdbcClient jdbc,
            ReportSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cascade.reports.purge-every:PT1H}",
            initialDelayString = "${cascade.reports.purge-every:PT1H}")
    void run() {
        int purged;
        do {
            // through the template: a call from inside the bean would bypass its @Transactional
            purged = transactions.execute(status -> purgeDue(clock.instant())).size();
        } while (purged == BATCH);
    }

    /** Purges up to one batch of reports whose retention ended before {@code now}; answers their ids. */
    @Transactional
    public List<ReportId> purgeDue(Instant now) {
        Instant cutoff =
                now.atOffset(ZoneOffset.UTC).minus(settings.retention()).toInstant();
        List<ReportId> purged = jdbc.sql("""
                DELETE FROM report WHERE id IN (
                  SELECT id FROM report WHERE status = 'CLOSED' AND closed_at < ? ORDER BY closed_at LIMIT ?)
                RETURNING id
                """)
                .params(Timestamp.from(cutoff), BATCH)
                .query((rs, n) -> new ReportId(rs.getObject(1, UUID.class)))
                .list();
        purged.forEach(id -> events.publishEvent(new ReportPurged(id, Actor.SYSTEM)));
        return purged;
    }
}

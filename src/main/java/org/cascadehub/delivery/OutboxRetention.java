package org.cascadehub.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention for the outboxes: an email, text message or webhook delivery that finished (sent, or
 * given up on) longer than {@code cascade.delivery.outbox-retention} ago is deleted, and with the
 * emails the shared content no email uses any more. They hold addresses, phone numbers and what
 * was said to whom; kept for ever, they would outlive any reason to hold them. Pending rows are
 * never deleted: they are still to be sent.
 *
 * <p>Deleted in steps of {@value #STEP} ids, each in its own transaction, in the bulk lane once the
 * screens have settled ({@link UrgentWork#whenSettled}): a city-wide alert leaves tens of thousands
 * of rows, and deleting them must not take a database core from a broadcast. Ids rise with the
 * time a row was queued, so the walk stops at the first step holding a row queued after the
 * cut-off: no row past it can have finished before.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    static final int STEP = 5_000;

    /** A finished row finished when it was sent or, given up on, at its last attempt. */
    private static final List<String> OUTBOXES = List.of("outbound_email", "outbound_sms", "outbound_webhook");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DeliverySettings settings;
    private final UrgentWork urgent;
    private final Clock clock;

    OutboxRetention(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DeliverySettings settings,
            UrgentWork urgent,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.urgent = urgent;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cascade.delivery.outbox-purge-every:PT1H}",
            initialDelayString = "${cascade.delivery.outbox-purge-every:PT1H}")
    void run() {
        try {
            int deleted = purge(clock.instant());
            if (deleted > 0) {
                log.info("Deleted {} outbox rows finished more than {} ago", deleted, settings.outboxRetention());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // the next start purges what is left
        }
    }

    /** Deletes what finished before {@code now} less the retention; answers how many rows. */
    int purge(Instant now) throws InterruptedException {
        Timestamp cutoff = Timestamp.from(now.minus(settings.outboxRetention()));
        int deleted = 0;
        for (String outbox : OUTBOXES) {
            deleted += purge(outbox, cutoff);
        }
        int[] contents = new int[1];
        urgent.whenSettled(() -> contents[0] = jdbc.sql("""
                        DELETE FROM outbound_email_content c
                        WHERE c.stored_at < ? AND NOT EXISTS (SELECT 1 FROM outbound_email e WHERE e.content_id = c.id)
                        """).param(cutoff).update());
        return deleted + contents[0];
    }

    private int purge(String outbox, Timestamp cutoff) throws InterruptedException {
        Long from = jdbc.sql("SELECT min(id) FROM " + outbox)
                .query(Long.class)
                .optional()
                .orElse(null);
        int deleted = 0;
        while (from != null) {
            Step step = step(outbox, from, cutoff);
            deleted += step.deleted();
            from = step.next();
        }
        return deleted;
    }

    /** What one step deleted, and the first id of the next (null when the walk is over). */
    private record Step(int deleted, @Nullable Long next) {}

    /** Ids {@code from} to {@code from + STEP}, in one transaction once the screens have settled. */
    private Step step(String outbox, long from, Timestamp cutoff) throws InterruptedException {
        Step[] done = new Step[1];
        urgent.whenSettled(() -> done[0] = transactions.execute(status -> {
            long to = from + STEP;
            boolean queuedAfterCutoff = jdbc.sql(
                            "SELECT bool_or(created_at >= ?) FROM " + outbox + " WHERE id >= ? AND id < ?")
                    .params(cutoff, from, to)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            int deleted = jdbc.sql("DELETE FROM " + outbox + " WHERE id >= ? AND id < ? AND status <> 'PENDING'"
                            + " AND coalesce(sent_at, last_attempt_at, created_at) < ?")
                    .params(from, to, cutoff)
                    .update();
            // past a gap in the ids, the next step starts at the next row, not at the next STEP ids
            Long next = queuedAfterCutoff
                    ? null
                    : jdbc.sql("SELECT min(id) FROM " + outbox + " WHERE id >= ?")
                            .param(to)
                            .query(Long.class)
                            .optional()
                            .orElse(null);
            return new Step(deleted, next);
        }));
        return done[0];
    }
}

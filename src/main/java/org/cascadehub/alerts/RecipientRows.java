package org.cascadehub.alerts;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.cascadehub.platform.UrgentWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a published alert's recipients in two steps, so that thousands of rows are not written
 * between the publish request and the live broadcast: the publishing transaction stores them as one
 * row of arrays ({@code alert_recipient_pending}), and right after the broadcast they are expanded
 * into {@code alert_recipient}, one row each, in one statement.
 *
 * <p>Reads use the view {@code alert_recipient_all}, which shows each recipient once whichever
 * step it is at. Writes to {@code alert_recipient} (acknowledgements, escalations) expand what they
 * touch first. A pending row left by a crash is expanded at start-up.
 */
@Component
class RecipientRows {

    private static final Logger log = LoggerFactory.getLogger(RecipientRows.class);

    private static final Duration YIELD = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final UrgentWork urgent;
    private final TransactionTemplate separately;

    RecipientRows(JdbcClient jdbc, UrgentWork urgent, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.urgent = urgent;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores the recipients as one pending row, in the publishing transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void store(AlertId alert, List<Recipient> recipients) {
        int n = recipients.size();
        String[] people = new String[n];
        String[] organisations = new String[n];
        String[] boroughs = new String[n];
        String[] sectors = new String[n];
        Boolean[] email = new Boolean[n];
        Boolean[] sms = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Recipient r = recipients.get(i);
            people[i] = r.personId().toString();
            organisations[i] = r.organisationId().toString();
            boroughs[i] = r.boroughCode();
            sectors[i] = String.join(",", r.sectors()); // sector codes never contain commas
            email[i] = r.viaEmail();
            sms[i] = r.viaSms();
        }
        jdbc.sql("""
                INSERT INTO alert_recipient_pending (alert_id, people, organisations, boroughs, sectors, via_email, via_sms)
                VALUES (?, ?::text[]::uuid[], ?::text[]::uuid[], ?::text[], ?::text[], ?::boolean[], ?::boolean[])
                """)
                .params(alert.value(), people, organisations, boroughs, sectors, email, sms)
                .update();
    }

    /**
     * Expands the alerts' pending recipients into rows, in the caller's transaction. A second
     * caller for the same alert waits for the first's row lock and then finds nothing to do.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int expand(Collection<Long> alerts) {
        return jdbc.sql("""
                WITH p AS (DELETE FROM alert_recipient_pending WHERE alert_id = ANY (?::bigint[]) RETURNING *)
                INSERT INTO alert_recipient (alert_id, person_id, organisation_id, borough_code, sectors, via_email, via_sms)
                SELECT p.alert_id, t.person_id, t.organisation_id, t.borough_code,
                       CASE WHEN t.sectors = '' THEN '{}'::text[] ELSE string_to_array(t.sectors, ',') END,
                       t.via_email, t.via_sms
                FROM p, unnest(p.people, p.organisations, p.boroughs, p.sectors, p.via_email, p.via_sms)
                  AS t(person_id, organisation_id, borough_code, sectors, via_email, via_sms)
                ON CONFLICT DO NOTHING
                """).param(alerts.toArray(Long[]::new)).update();
    }

    /** Expands every pending row, in the caller's transaction (before a sweep over all rows). */
    @Transactional(propagation = Propagation.MANDATORY)
    int expandAll() {
        List<Long> pending = jdbc.sql("SELECT alert_id FROM alert_recipient_pending")
                .query(Long.class)
                .list();
        return pending.isEmpty() ? 0 : expand(pending);
    }

    /**
     * Expands one alert's recipients in a transaction of its own, after the publishing one commits
     * and once the live broadcast has been written (waiting {@link #YIELD} at most), whose cores the
     * thousands of rows would otherwise take.
     */
    void expandSoon(AlertId alert) {
        urgent.awaitQuiet(YIELD);
        separately.executeWithoutResult(status -> expand(List.of(alert.value())));
    }

    /** Whatever a crash left pending. */
    @EventListener(ApplicationReadyEvent.class)
    void expandLeftovers() {
        Integer written = separately.execute(status -> expandAll());
        if (written != null && written > 0) {
            log.info("Wrote {} alert recipients left pending by an earlier stop", written);
        }
    }
}

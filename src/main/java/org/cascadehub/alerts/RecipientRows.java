package org.cascadehub.alerts;

import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
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
 * row ({@code alert_recipient_pending}), and right after the broadcast they are expanded
 * into {@code alert_recipient}, one row each, in one statement.
 *
 * <p>Reads use the view {@code alert_recipient_all}, which shows each recipient once whichever
 * step it is at. Writes to {@code alert_recipient} (acknowledgements, escalations) expand what they
 * touch first. A pending row left by a stop or crash is queued again at start-up.
 */
@Component
class RecipientRows {

    private static final Logger log = LoggerFactory.getLogger(RecipientRows.class);

    /** Bytes per recipient in the pending row. */
    static final int RECORD = 24;

    private final JdbcClient jdbc;
    private final UrgentWork urgent;
    private final TransactionTemplate separately;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("recipient-rows").factory());

    RecipientRows(JdbcClient jdbc, UrgentWork urgent, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.urgent = urgent;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores the recipients as one pending row, in the publishing transaction: 24 bytes each in one
     * {@code bytea} (layout in {@code V15__alert_recipient_pending.sql}), and the few distinct
     * organisations, boroughs and sector sets they point into. Sent in binary, nothing parsed:
     * text arrays of tens of thousands of identifiers took tens of milliseconds to send and parse.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void store(AlertId alert, List<Recipient> recipients) {
        Map<UUID, Integer> organisations = new LinkedHashMap<>();
        Map<String, Integer> boroughs = new LinkedHashMap<>();
        Map<String, Integer> sectors = new LinkedHashMap<>();
        byte[] bytes = pack(recipients, organisations, boroughs, sectors);
        jdbc.sql("""
                INSERT INTO alert_recipient_pending (alert_id, recipients, organisations, boroughs, sectors)
                VALUES (?, ?, ?::text[]::uuid[], ?::text[], ?::text[])
                """)
                .params(
                        alert.value(),
                        bytes,
                        organisations.keySet().stream().map(UUID::toString).toArray(String[]::new),
                        boroughs.keySet().toArray(String[]::new),
                        sectors.keySet().toArray(String[]::new))
                .update();
    }

    /**
     * Packs the recipients, numbering their organisations, boroughs and sector sets. A method of
     * its own, and plain: compiled together with the statement in {@link #store}, the loop took the
     * just-in-time compiler 0.9 s of a core, in the middle of the broadcasts it was there for. The
     * members of an organisation share its identifier, borough code and sector set objects, so each
     * object's number is found once, by identity.
     */
    private static byte[] pack(
            List<Recipient> recipients,
            Map<UUID, Integer> organisations,
            Map<String, Integer> boroughs,
            Map<String, Integer> sectors) {
        Map<Object, Integer> known = new IdentityHashMap<>();
        byte[] bytes = new byte[recipients.size() * RECORD]; // big-endian, as the SQL reads it
        int at = 0;
        for (Recipient r : recipients) {
            UUID person = r.personId().value();
            at = put(bytes, at, person.getMostSignificantBits(), 8);
            at = put(bytes, at, person.getLeastSignificantBits(), 8);
            Integer organisation = known.get(r.organisationId());
            if (organisation == null) {
                organisation = number(organisations, r.organisationId().value(), Integer.MAX_VALUE, "organisations");
                known.put(r.organisationId(), organisation);
            }
            at = put(bytes, at, organisation, 4);
            Integer borough = r.boroughCode() == null ? Integer.valueOf(0) : known.get(r.boroughCode());
            if (borough == null) {
                borough = number(boroughs, r.boroughCode(), 255, "boroughs");
                known.put(r.boroughCode(), borough);
            }
            at = put(bytes, at, borough, 1);
            Integer sectorSet = known.get(r.sectors());
            if (sectorSet == null) {
                // sector codes never contain commas; sorted so that equal sets share an entry
                sectorSet = number(sectors, String.join(",", new TreeSet<>(r.sectors())), 65_535, "sector sets");
                known.put(r.sectors(), sectorSet);
            }
            at = put(bytes, at, sectorSet, 2);
            at = put(bytes, at, (r.viaEmail() ? 1 : 0) | (r.viaSms() ? 2 : 0), 1);
        }
        return bytes;
    }

    /** Puts the low {@code size} bytes of {@code value}, big-endian; answers where the next goes. */
    private static int put(byte[] bytes, int at, long value, int size) {
        for (int i = size - 1; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
        return at + size;
    }

    /** The 1-based number of {@code key} in {@code numbers}, given it if new. */
    private static <K> int number(Map<K, Integer> numbers, K key, int most, String what) {
        Integer number = numbers.get(key);
        if (number == null) {
            number = numbers.size() + 1;
            if (number > most) {
                throw new IllegalStateException("An alert reaches more than " + most + " " + what);
            }
            numbers.put(key, number);
        }
        return number;
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
                SELECT t.* FROM p, alert_recipient_pending_rows(p::alert_recipient_pending) t
                ON CONFLICT DO NOTHING
                """).param(alerts.toArray(Long[]::new)).update();
    }

    /**
     * Expands one alert's recipients in a transaction of its own, on the one background thread
     * that does this, in the bulk lane once the screens have settled ({@link UrgentWork#whenSettled}:
     * nothing waits for it, as every read goes through the view and every write expands what it
     * touches first): the thousands of rows in one statement would otherwise take the cores of the
     * live broadcasts. Not in the publishing thread: its
     * request would wait for thousands of rows, holding its pooled connection and a second one.
     * Alerts queue here one after another; if the process stops first, start-up queues them again.
     */
    void expandSoon(AlertId alert) {
        try {
            background.execute(() -> {
                try {
                    urgent.whenSettled(() -> separately.executeWithoutResult(status -> expand(List.of(alert.value()))));
                } catch (InterruptedException stopping) {
                    log.info("Stopping: the recipients of alert {} are written out at the next start", alert.value());
                } catch (RuntimeException e) {
                    // Still pending, still read through the view: the next acknowledgement,
                    // escalation run or start-up queues them again.
                    log.warn("Writing out the recipients of alert {} failed; they stay pending", alert.value(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.info("Stopping: the recipients of alert {} are written out at the next start", alert.value());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
            background.shutdownNow(); // those still waiting for their turn are expanded at the next start
        }
    }

    /**
     * Whatever a stop or crash left pending, written out as a just-published alert's are: in the
     * bulk lane, in the background. In one statement here, a dozen city-wide alerts' recipients
     * would take a database core for seconds just as every screen reconnects; until then reads go
     * through the view and writes expand what they touch, as ever.
     */
    @EventListener(ApplicationReadyEvent.class)
    void expandLeftovers() {
        List<Long> left = jdbc.sql("SELECT alert_id FROM alert_recipient_pending ORDER BY alert_id")
                .query(Long.class)
                .list();
        if (!left.isEmpty()) {
            log.info(
                    "The recipients of {} alerts left pending by an earlier stop are written out in the background",
                    left.size());
            left.forEach(alert -> expandSoon(new AlertId(alert)));
        }
    }
}

package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.alerts.AlertEvents.RestrictedAlertRead;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading alerts, always through {@link AlertPolicy}: an alert someone may not see does not exist for them. */
@Service
public class Alerts {

    private final JdbcClient jdbc;
    private final AlertRows rows;
    private final RecentRecipients recent;
    private final ApplicationEventPublisher events;

    Alerts(JdbcClient jdbc, AlertRows rows, RecentRecipients recent, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.recent = recent;
        this.rows = rows;
        this.events = events;
    }

    /** The alert without any policy check: for the module's own work and delivery's sending. */
    @Transactional(readOnly = true)
    public Optional<Alert> find(AlertId id) {
        return jdbc.sql("SELECT * FROM alert WHERE id = ?")
                .param(id.value())
                .query(rows)
                .optional();
    }

    /** The alert if the viewer may see it; a read of AMBER or RED material is audited. */
    @Transactional
    public Alert read(@Nullable Viewer viewer, AlertId id) {
        Alert alert = find(id).filter(a -> mayRead(viewer, a)).orElseThrow(() -> notFound(id));
        if (alert.content().tlp().linkOnly() && alert.status().sent()) {
            events.publishEvent(
                    new RestrictedAlertRead(id, alert.content().tlp().label(), Actors.current()));
        }
        return alert;
    }

    /** May the viewer see the alert? The one question every read path asks. */
    @Transactional(readOnly = true)
    public boolean mayRead(@Nullable Viewer viewer, Alert alert) {
        // Only sent AMBER and RED alerts depend on who received them: ask the database only then.
        if (viewer == null || !alert.status().sent() || !alert.content().tlp().linkOnly()) {
            return AlertPolicy.canSee(viewer, alert, false, false);
        }
        return AlertPolicy.canSee(
                viewer,
                alert,
                isRecipient(alert.id(), viewer.personId()),
                reached(alert.id(), viewer.organisationId()));
    }

    /** Alerts the viewer may see, newest first, optionally in one status. */
    @Transactional(readOnly = true)
    public Page<Alert> list(Viewer viewer, @Nullable AlertStatus status, int page, int size) {
        SqlFilter filter = new SqlFilter().andIf(status != null, "a.status = ?", status == null ? "" : status.name());
        return visibleTo(viewer, filter)
                .page(
                        jdbc,
                        "SELECT count(*) FROM alert a",
                        "SELECT a.* FROM alert a",
                        " ORDER BY coalesce(a.published_at, a.updated_at) DESC, a.id DESC",
                        page,
                        size,
                        rows);
    }

    /**
     * For feeds: current alerts, and sent ones that were superseded, cancelled or expired since {@code
     * changedSince}, that the viewer may see (nobody signed in: TLP:CLEAR only), most recently changed first.
     */
    @Transactional(readOnly = true)
    public List<Alert> feed(@Nullable Viewer viewer, Instant changedSince, int limit) {
        SqlFilter filter = new SqlFilter()
                .and(
                        "a.seq IS NOT NULL AND (a.status = 'PUBLISHED' OR (a.status IN ('SUPERSEDED', 'CANCELLED',"
                                + " 'EXPIRED') AND a.updated_at >= ?))",
                        Timestamp.from(changedSince));
        return visibleTo(viewer, filter)
                .page(
                        jdbc,
                        "SELECT count(*) FROM alert a",
                        "SELECT a.* FROM alert a",
                        " ORDER BY a.updated_at DESC, a.id DESC",
                        1,
                        limit,
                        rows)
                .items();
    }

    /** Adds the rules of {@link AlertPolicy#canSee}, as SQL over {@code alert a}. */
    private static SqlFilter visibleTo(@Nullable Viewer viewer, SqlFilter filter) {
        if (viewer == null || !viewer.vettedMember()) {
            return filter.and("a.tlp = 'CLEAR' AND a.seq IS NOT NULL");
        }
        return filter.and(
                """
                ((a.seq IS NULL AND ?) OR (a.seq IS NOT NULL AND (
                   a.tlp IN ('CLEAR', 'GREEN')
                OR (a.tlp IN ('AMBER', 'AMBER_STRICT') AND (? OR a.organisation_id = ?
                     OR EXISTS (SELECT 1 FROM alert_recipient_all r WHERE r.alert_id = a.id AND r.organisation_id = ?)))
                OR (a.tlp = 'RED' AND (a.author_id = ? OR a.decided_by = ?
                     OR EXISTS (SELECT 1 FROM alert_recipient_all r WHERE r.alert_id = a.id AND r.person_id = ?))))))
                """,
                AlertPolicy.isAlertStaff(viewer),
                AlertPolicy.isAlertStaff(viewer),
                viewer.organisationId().value(),
                viewer.organisationId().value(),
                viewer.personId().value(),
                viewer.personId().value(),
                viewer.personId().value());
    }

    /**
     * The people an alert was sent to, as one immutable set: for a recently published alert the one
     * the acknowledgement check also uses, built once from memory.
     */
    @Transactional(readOnly = true)
    public Set<PersonId> recipientIds(AlertId id) {
        return recent.reached(id)
                .map(RecentRecipients.Reached::people)
                .orElseGet(
                        () -> recipients(id).stream().map(Recipient::personId).collect(Collectors.toUnmodifiableSet()));
    }

    /** Everyone an alert was sent to (from memory for a recently published alert). */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(AlertId id) {
        return recent.of(id).orElseGet(() -> recipientsFromDatabase(id));
    }

    /** From the database whatever is in memory: every recipient, written out or pending, in person order. */
    List<Recipient> recipientsFromDatabase(AlertId id) {
        return jdbc.sql("SELECT * FROM alert_recipient_all WHERE alert_id = ? ORDER BY person_id")
                .param(id.value())
                .query((rs, n) -> new Recipient(
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                        rs.getString("borough_code"),
                        new HashSet<>(
                                Arrays.asList((String[]) rs.getArray("sectors").getArray())),
                        rs.getBoolean("via_email"),
                        rs.getBoolean("via_sms")))
                .list();
    }

    /**
     * Published alerts (and updates, cancellations, forwards) sent to a person after {@code afterSeq},
     * oldest first: what a reconnecting live stream missed.
     */
    @Transactional(readOnly = true)
    public List<Alert> sentSince(PersonId person, long afterSeq, int limit) {
        return jdbc.sql("""
                SELECT a.* FROM alert a JOIN alert_recipient_all r ON r.alert_id = a.id
                WHERE r.person_id = ? AND a.seq > ? ORDER BY a.seq LIMIT ?
                """).params(person.value(), afterSeq, limit).query(rows).list();
    }

    /** The highest publication sequence number given so far (0 before the first). */
    @Transactional(readOnly = true)
    public long highestSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM alert")
                .query(Long.class)
                .single();
    }

    /** The versions of an alert's thread (original, updates, cancellation), oldest first. */
    @Transactional(readOnly = true)
    public List<Alert> versions(AlertId threadId) {
        return jdbc.sql("SELECT * FROM alert WHERE thread_id = ? ORDER BY id")
                .param(threadId.value())
                .query(rows)
                .list();
    }

    /** The forwards of an alert. */
    @Transactional(readOnly = true)
    public List<Alert> forwardsOf(AlertId id) {
        return jdbc.sql("SELECT * FROM alert WHERE forwarded_from = ? ORDER BY id")
                .param(id.value())
                .query(rows)
                .list();
    }

    @Transactional(readOnly = true)
    public boolean isRecipient(AlertId alert, PersonId person) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert_recipient_all WHERE alert_id = ? AND person_id = ?)")
                .params(alert.value(), person.value())
                .query(Boolean.class)
                .single();
    }

    private boolean reached(AlertId alert, OrganisationId organisation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert_recipient_all WHERE alert_id = ? AND organisation_id = ?)")
                .params(alert.value(), organisation.value())
                .query(Boolean.class)
                .single();
    }

    static NotFound notFound(AlertId id) {
        return new NotFound("There is no alert " + id + ".");
    }
}

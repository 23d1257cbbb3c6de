package org.cascadehub.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recipients saying they have seen an alert, and who has not yet. */
@Service
public class Acknowledgements {

    /** Acknowledged out of sent, for one group (a sector, borough or organisation). */
    public record Count(int recipients, int acknowledged) {}

    /** One recipient's answer; {@code acknowledgedAt} is null while they have not answered. */
    public record Answer(
            PersonId personId,
            String name,
            String organisation,
            @Nullable String borough,
            @Nullable Instant acknowledgedAt,
            @Nullable String channel) {}

    /** Counts and lists for the alert's author and approvers. */
    public record Summary(
            AlertId alertId,
            int recipients,
            int acknowledged,
            Map<String, Count> bySector,
            Map<String, Count> byBorough,
            Map<String, Count> byOrganisation,
            List<Answer> answers) {}

    /** The state of one person's acknowledgement. */
    public record Acknowledgement(AlertId alertId, PersonId personId, Instant acknowledgedAt, String channel) {}

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final SentAlerts sent;
    private final RecipientIndex index;
    private final AcknowledgementWriter writer;
    private final Clock clock;

    Acknowledgements(
            JdbcClient jdbc,
            Alerts alerts,
            SentAlerts sent,
            RecipientIndex index,
            AcknowledgementWriter writer,
            Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.sent = sent;
        this.index = index;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * The signed-in person acknowledges; doing it again answers the first acknowledgement. Answers
     * once the acknowledgement is committed ({@link AcknowledgementWriter} writes them in batches).
     * Not found if they may not see the alert; {@link Conflict} if it was not sent to them, or is
     * cancelled or expired and they had not acknowledged it.
     */
    public Acknowledgement acknowledge(Viewer viewer, AlertId id, String channel) {
        sent.visible(viewer, id).orElseThrow(() -> Alerts.notFound(id));
        return writer.acknowledge(id, viewer.personId(), channel, now())
                .orElseThrow(() ->
                        new Conflict("Alert " + id + " was not sent to you, so there is nothing to acknowledge."));
    }

    /**
     * Acknowledges for a person proven some other way (a signed email link, a text from their
     * number). False if they were not sent the alert; {@link Conflict} if it is cancelled or expired
     * and they had not acknowledged it. Answers once the acknowledgement is committed.
     */
    public boolean acknowledgeFor(PersonId person, AlertId id, String channel) {
        return writer.acknowledge(id, person, channel, now()).isPresent();
    }

    /** PostgreSQL keeps microseconds: the time the events carry is the one stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The newest current alert sent to the person that they have not acknowledged. */
    @Transactional(readOnly = true)
    public Optional<AlertId> latestUnacknowledged(PersonId person) {
        return jdbc.sql("""
                SELECT a.id FROM alert a JOIN alert_recipient_all r ON r.alert_id = a.id
                WHERE r.person_id = ? AND r.acknowledged_at IS NULL AND a.status = 'PUBLISHED'
                ORDER BY a.seq DESC LIMIT 1
                """)
                .param(person.value())
                .query((rs, n) -> new AlertId(rs.getLong(1)))
                .optional();
    }

    /**
     * A person's own acknowledgement of an alert, if they have given one: what the alert's page
     * shows them in place of the button. Callers check that the person may see the alert.
     */
    @Transactional(readOnly = true)
    public Optional<Acknowledgement> of(AlertId id, PersonId person) {
        return jdbc.sql("""
                SELECT acknowledged_at, ack_channel FROM alert_recipient_all
                WHERE alert_id = ? AND person_id = ? AND acknowledged_at IS NOT NULL
                """)
                .params(id.value(), person.value())
                .query((rs, n) ->
                        new Acknowledgement(id, person, rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional();
    }

    /** Acknowledged and sent counts only: cheap enough to send live on every acknowledgement. */
    @Transactional(readOnly = true)
    public Count count(AlertId id) {
        return jdbc.sql("SELECT count(*), count(acknowledged_at) FROM alert_recipient_all WHERE alert_id = ?")
                .param(id.value())
                .query((rs, n) -> new Count(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** Who may follow acknowledgements: the hub's alert staff who may see the alert. */
    public boolean mayFollow(Viewer viewer, Alert alert) {
        return AlertPolicy.isAlertStaff(viewer) && alerts.mayRead(viewer, alert);
    }

    @Transactional(readOnly = true)
    public Summary summary(Viewer viewer, AlertId id) {
        Alert alert = alerts.find(id).filter(a -> alerts.mayRead(viewer, a)).orElseThrow(() -> Alerts.notFound(id));
        if (!mayFollow(viewer, alert)) {
            throw new NotAllowed("Only the hub's alert staff follow acknowledgements.");
        }
        RecipientIndex.Index roster = index.current();
        Map<String, int[]> sectors = new TreeMap<>();
        Map<String, int[]> boroughs = new TreeMap<>();
        Map<String, int[]> organisations = new TreeMap<>();
        List<Answer> answers = new ArrayList<>();
        int[] total = new int[2];
        jdbc.sql("""
                SELECT person_id, organisation_id, borough_code, sectors, acknowledged_at, ack_channel
                FROM alert_recipient_all WHERE alert_id = ? ORDER BY acknowledged_at NULLS FIRST, person_id
                """).param(id.value()).query(rs -> {
            PersonId person = new PersonId(rs.getObject(1, UUID.class));
            OrganisationId organisationId = new OrganisationId(rs.getObject(2, UUID.class));
            String organisation =
                    roster.organisation(organisationId).map(o -> o.name()).orElse("(no longer a member)");
            String borough = rs.getString(3);
            Timestamp at = rs.getTimestamp(5);
            int acknowledged = at == null ? 0 : 1;
            for (String sector : (String[]) rs.getArray(4).getArray()) {
                add(sectors, sector, acknowledged);
            }
            add(boroughs, borough == null ? "named" : borough, acknowledged);
            add(organisations, organisation, acknowledged);
            total[0]++;
            total[1] += acknowledged;
            answers.add(new Answer(
                    person,
                    roster.member(person).map(Member::name).orElse("(no longer a member)"),
                    organisation,
                    borough,
                    at == null ? null : at.toInstant(),
                    rs.getString(6)));
        });
        return new Summary(id, total[0], total[1], counts(sectors), counts(boroughs), counts(organisations), answers);
    }

    private static void add(Map<String, int[]> counts, String key, int acknowledged) {
        int[] count = counts.computeIfAbsent(key, k -> new int[2]);
        count[0]++;
        count[1] += acknowledged;
    }

    private static Map<String, Count> counts(Map<String, int[]> raw) {
        Map<String, Count> counts = new TreeMap<>();
        raw.forEach((k, v) -> counts.put(k, new Count(v[0], v[1])));
        return counts;
    }
}

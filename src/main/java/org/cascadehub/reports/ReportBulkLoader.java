package org.cascadehub.reports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes many finished reports at once, with their history, messages, sharing and links, in JDBC
 * batches: for the demo's year of reports, so the demo still starts quickly. No events and no
 * notices (nobody is told of reports that are history); the figures the statistics read (first
 * response, feedback, closed) are worked out from the history as triage would have set them. The
 * caller vouches that the reports are valid: nothing is checked.
 */
@Component
public class ReportBulkLoader {

    /** One police step: the status moved to, with what was shared. */
    public record Step(
            ReportStatus to,
            @Nullable String message,
            @Nullable String crimeReference,
            @Nullable String outcome,
            PersonId by,
            String byName,
            Instant at) {}

    /** One message between the reporter's organisation and the police. */
    public record Message(
            PersonId author,
            String authorName,
            OrganisationId organisation,
            boolean fromPolice,
            String body,
            Instant at) {}

    /** A report as it stands after its history; {@code related} are earlier reports in the same load. */
    public record BulkReport(
            ReportId id,
            PersonId reporter,
            String reporterName,
            OrganisationId organisation,
            String organisationName,
            ReportType type,
            Instant occurredAt,
            Report.Point point,
            String borough,
            String description,
            List<InvolvedPerson> people,
            List<InvolvedVehicle> vehicles,
            boolean immediateDanger,
            Tlp tlp,
            List<OrganisationId> sharedOrganisations,
            List<SharingGroupId> sharedGroups,
            List<PersonId> sharedPeople,
            Instant createdAt,
            List<Step> steps,
            List<Message> messages,
            List<ReportId> related) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ReportBulkLoader(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public int load(List<BulkReport> reports) {
        jdbc.batchUpdate("""
                INSERT INTO report (id, reporter_id, reporter_name, organisation_id, organisation_name, type,
                  occurred_at, latitude, longitude, borough_code, description, people, vehicles, immediate_danger,
                  tlp, status, crime_reference, outcome, created_at, updated_at, first_response_at, feedback_at,
                  closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, reports, 500, this::report);
        List<Object[]> shares = new ArrayList<>();
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> people = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (BulkReport r : reports) {
            r.sharedOrganisations().forEach(o -> shares.add(new Object[] {r.id().value(), o.value()}));
            r.sharedGroups().forEach(g -> groups.add(new Object[] {r.id().value(), g.value()}));
            r.sharedPeople().forEach(p -> people.add(new Object[] {r.id().value(), p.value()}));
            ReportStatus from = ReportStatus.NEW;
            for (Step s : r.steps()) {
                steps.add(new Object[] {
                    r.id().value(),
                    from.name(),
                    s.to().name(),
                    s.message(),
                    s.crimeReference(),
                    s.outcome(),
                    s.by().value(),
                    s.byName(),
                    Timestamp.from(s.at())
                });
                from = s.to();
            }
            for (Message m : r.messages()) {
                messages.add(new Object[] {
                    r.id().value(),
                    m.author().value(),
                    m.authorName(),
                    m.organisation().value(),
                    m.fromPolice(),
                    m.body(),
                    Timestamp.from(m.at())
                });
            }
            for (ReportId related : r.related()) {
                UUID a = r.id().value();
                UUID b = related.value();
                // PostgreSQL orders uuids by their unsigned bytes, as their text sorts (UUID.compareTo is signed).
                boolean first = a.toString().compareTo(b.toString()) < 0;
                links.add(new Object[] {
                    first ? a : b,
                    first ? b : a,
                    "OTHER",
                    "Similar report nearby",
                    r.reporter().value(),
                    Timestamp.from(r.createdAt())
                });
            }
        }
        jdbc.batchUpdate("INSERT INTO report_share_organisation (report_id, organisation_id) VALUES (?, ?)", shares);
        jdbc.batchUpdate("INSERT INTO report_share_group (report_id, sharing_group_id) VALUES (?, ?)", groups);
        jdbc.batchUpdate("INSERT INTO report_share_person (report_id, person_id) VALUES (?, ?)", people);
        jdbc.batchUpdate("""
                INSERT INTO report_status_change (report_id, from_status, to_status, message, crime_reference, outcome,
                  changed_by, changed_by_name, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, steps);
        jdbc.batchUpdate("""
                INSERT INTO report_message (report_id, author_id, author_name, organisation_id, from_police, body, posted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, messages);
        jdbc.batchUpdate("""
                INSERT INTO report_link (report_id, related_id, kind, note, linked_by, linked_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, links);
        return reports.size();
    }

    private void report(PreparedStatement ps, BulkReport r) throws SQLException {
        ReportStatus status =
                r.steps().isEmpty() ? ReportStatus.NEW : r.steps().getLast().to();
        String reference = null;
        String outcome = null;
        Instant firstResponse = null;
        Instant feedback = null;
        Instant closed = null;
        Instant updated = r.createdAt();
        for (Step s : r.steps()) {
            reference = s.crimeReference() != null ? s.crimeReference() : reference;
            outcome = s.outcome() != null ? s.outcome() : outcome;
            firstResponse = earliest(firstResponse, s.at());
            feedback = s.message() != null ? earliest(feedback, s.at()) : feedback;
            closed = s.to() == ReportStatus.CLOSED ? s.at() : closed;
            updated = latest(updated, s.at());
        }
        for (Message m : r.messages()) {
            if (m.fromPolice()) {
                firstResponse = earliest(firstResponse, m.at());
                feedback = earliest(feedback, m.at());
            }
            updated = latest(updated, m.at());
        }
        int i = 1;
        ps.setObject(i++, r.id().value());
        ps.setObject(i++, r.reporter().value());
        ps.setString(i++, r.reporterName());
        ps.setObject(i++, r.organisation().value());
        ps.setString(i++, r.organisationName());
        ps.setString(i++, r.type().name());
        ps.setTimestamp(i++, Timestamp.from(r.occurredAt()));
        ps.setDouble(i++, r.point().lat());
        ps.setDouble(i++, r.point().lon());
        ps.setString(i++, r.borough());
        ps.setString(i++, r.description());
        ps.setString(i++, json.writeValueAsString(r.people()));
        ps.setString(i++, json.writeValueAsString(r.vehicles()));
        ps.setBoolean(i++, r.immediateDanger());
        ps.setString(i++, r.tlp().name());
        ps.setString(i++, status.name());
        ps.setString(i++, reference);
        ps.setString(i++, outcome);
        ps.setTimestamp(i++, Timestamp.from(r.createdAt()));
        ps.setTimestamp(i++, Timestamp.from(updated));
        timestamp(ps, i++, firstResponse);
        timestamp(ps, i++, feedback);
        timestamp(ps, i, closed);
    }

    private static void timestamp(PreparedStatement ps, int index, @Nullable Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(at));
        }
    }

    private static Instant earliest(@Nullable Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}

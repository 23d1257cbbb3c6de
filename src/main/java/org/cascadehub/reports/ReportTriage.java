package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Police triage: moving a report through its statuses ({@link ReportStatus#next}), each step with
 * the message the police choose to share with the reporter. The first step is the first police
 * response the statistics measure.
 */
@Service
public class ReportTriage {

    static final int MESSAGE_MAX = 5_000;
    static final int REFERENCE_MAX = 100;
    static final int OUTCOME_MAX = 2_000;

    private final JdbcClient jdbc;
    private final Reports reports;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportTriage(JdbcClient jdbc, Reports reports, People people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the report on; 404 if the viewer may not see it, 403 unless police, 409 from the wrong status. */
    @Transactional
    public Report changeStatus(Viewer viewer, ReportId id, StatusChange change) {
        Report report = reports.visible(viewer, id);
        if (!ReportPolicy.canTriage(viewer)) {
            throw new NotAllowed("Only police coordinators change a report's status.");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        ReportStatus to = problems.attempt(() -> status(change.status()));
        String message = problems.attempt(() -> text("message", change.message(), MESSAGE_MAX));
        String reference = problems.attempt(() -> text("crimeReference", change.crimeReference(), REFERENCE_MAX));
        String outcome = problems.attempt(() -> text("outcome", change.outcome(), OUTCOME_MAX));
        if (to == ReportStatus.CRIME_RECORDED && reference == null && report.crimeReference() == null) {
            problems.add("crimeReference", "Give the crime reference");
        }
        if (to == ReportStatus.CLOSED && outcome == null) {
            problems.add("outcome", "Say what the outcome was");
        }
        problems.throwIfAny();
        ReportStatus target = Objects.requireNonNull(to);
        if (!report.status().mayMoveTo(target)) {
            throw new Conflict("A report that is " + report.status().label().toLowerCase(java.util.Locale.UK)
                    + " cannot become " + target.label().toLowerCase(java.util.Locale.UK) + ".");
        }
        Instant now = clock.instant();
        int moved = jdbc.sql("""
                UPDATE report SET status = ?, crime_reference = coalesce(?, crime_reference),
                  outcome = coalesce(?, outcome), updated_at = ?, first_response_at = coalesce(first_response_at, ?),
                  feedback_at = CASE WHEN ? THEN coalesce(feedback_at, ?) ELSE feedback_at END,
                  closed_at = CASE WHEN ? = 'CLOSED' THEN ? ELSE closed_at END
                WHERE id = ? AND status = ?
                """)
                .params(
                        target.name(),
                        reference,
                        outcome,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        message != null,
                        Timestamp.from(now),
                        target.name(),
                        Timestamp.from(now),
                        id.value(),
                        report.status().name())
                .update();
        if (moved == 0) {
            throw new Conflict("Someone else changed the report's status at the same time: reload it and try again.");
        }
        long changeId = jdbc.sql("""
                INSERT INTO report_status_change (report_id, from_status, to_status, message, crime_reference,
                  outcome, changed_by, changed_by_name, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
                .params(
                        id.value(),
                        report.status().name(),
                        target.name(),
                        message,
                        reference,
                        outcome,
                        viewer.personId().value(),
                        nameOf(viewer),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        events.publishEvent(new ReportStatusChanged(id, report.status(), target, changeId, Actors.current()));
        return reports.find(id).orElseThrow();
    }

    /** The status history, oldest first, for the police and the reporter's organisation. */
    @Transactional(readOnly = true)
    public List<StatusStep> history(Viewer viewer, ReportId id) {
        reports.participating(viewer, id);
        return history(id);
    }

    /** The history without a policy check, for notices. */
    @Transactional(readOnly = true)
    public List<StatusStep> history(ReportId id) {
        return jdbc.sql("SELECT * FROM report_status_change WHERE report_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, n) -> new StatusStep(
                        rs.getLong("id"),
                        rs.getString("from_status") == null ? null : ReportStatus.valueOf(rs.getString("from_status")),
                        ReportStatus.valueOf(rs.getString("to_status")),
                        rs.getString("message"),
                        rs.getString("crime_reference"),
                        rs.getString("outcome"),
                        rs.getString("changed_by_name"),
                        ReportRows.instant(rs, "changed_at")))
                .list();
    }

    private static ReportStatus status(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of("status", "Choose the new status");
        }
        return ReportStatus.parse(text)
                .orElseThrow(() -> InvalidInput.of(
                        "status",
                        "'" + ReportCheck.shorten(text) + "' is not a status: use one of "
                                + java.util.Arrays.toString(ReportStatus.values())));
    }

    static @Nullable String text(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw InvalidInput.of(field, "Keep this to " + max + " characters (it has " + clean.length() + ")");
        }
        return clean;
    }

    private String nameOf(Viewer viewer) {
        return people.findById(viewer.personId()).map(p -> p.name()).orElse("Police");
    }
}

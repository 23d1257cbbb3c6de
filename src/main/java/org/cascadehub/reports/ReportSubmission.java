package org.cascadehub.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.NotAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting a report: every field is checked at once, then the report, its sharing and the end of
 * the reporter's autosaved draft are written in one transaction. Immediate danger does not stop it
 * saving; the answer says so, and pages then show "call 999".
 */
@Service
public class ReportSubmission {

    private final JdbcClient jdbc;
    private final ReportCheck check;
    private final ReportRows rows;
    private final Reports reports;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportSubmission(
            JdbcClient jdbc,
            ReportCheck check,
            ReportRows rows,
            Reports reports,
            People people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.check = check;
        this.rows = rows;
        this.reports = reports;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** Checks and saves a report from a vetted member; their draft is discarded once it is saved. */
    @Transactional
    public Report submit(Viewer viewer, ReportDraft draft) {
        if (!viewer.vettedMember()) {
            throw new NotAllowed("Only members of vetted organisations can report.");
        }
        Instant now = clock.instant();
        ReportCheck.Checked checked = check.check(viewer, draft, now);
        PersonSummary reporter = people.findById(viewer.personId()).orElseThrow();
        ReportId id = ReportId.random();
        jdbc.sql("""
                INSERT INTO report (id, reporter_id, reporter_name, organisation_id, organisation_name, type,
                  occurred_at, latitude, longitude, site_id, borough_code, description, people, vehicles,
                  immediate_danger, tlp, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, 'NEW', ?, ?)
                """)
                .params(
                        id.value(),
                        reporter.id().value(),
                        reporter.name(),
                        reporter.organisationId().value(),
                        reporter.organisationName(),
                        checked.type().name(),
                        Timestamp.from(checked.occurredAt()),
                        checked.point().lat(),
                        checked.point().lon(),
                        checked.site() == null ? null : checked.site().value(),
                        checked.borough(),
                        checked.description(),
                        rows.write(checked.people()),
                        rows.write(checked.vehicles()),
                        checked.immediateDanger(),
                        checked.tlp().name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        writeSharing(id, checked.sharing());
        jdbc.sql("DELETE FROM report_draft WHERE person_id = ?")
                .param(viewer.personId().value())
                .update();
        events.publishEvent(
                new ReportSubmitted(id, checked.tlp().label(), checked.immediateDanger(), Actors.current()));
        return reports.find(id).orElseThrow();
    }

    private void writeSharing(ReportId id, Report.Sharing sharing) {
        for (OrganisationId organisation : sharing.organisations()) {
            jdbc.sql("INSERT INTO report_share_organisation (report_id, organisation_id) VALUES (?, ?)")
                    .params(id.value(), organisation.value())
                    .update();
        }
        for (SharingGroupId group : sharing.sharingGroups()) {
            jdbc.sql("INSERT INTO report_share_group (report_id, sharing_group_id) VALUES (?, ?)")
                    .params(id.value(), group.value())
                    .update();
        }
        for (PersonId person : sharing.people()) {
            jdbc.sql("INSERT INTO report_share_person (report_id, person_id) VALUES (?, ?)")
                    .params(id.value(), person.value())
                    .update();
        }
    }
}

package org.cascadehub.reports;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Roster;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told about a report, decided by the same policy as every read: the police coordinators of
 * a new report or a reporter's message, and the reporter's organisation members who may see it of
 * police feedback (for a RED report, that is the reporter and anyone of theirs it names).
 */
@Component
public class ReportRecipients {

    private final Roster roster;
    private final People people;
    private final Reports reports;

    ReportRecipients(Roster roster, People people, Reports reports) {
        this.roster = roster;
        this.people = people;
        this.reports = reports;
    }

    /** Active police coordinators: they see every report. */
    @Transactional(readOnly = true)
    public Set<PersonId> police() {
        Set<PersonId> police = new LinkedHashSet<>();
        roster.membersWithAnyRole(Set.of(Role.POLICE_COORDINATOR)).forEach(m -> police.add(m.id()));
        return police;
    }

    /** The reporter's organisation members who may see the report: feedback goes to them. */
    @Transactional(readOnly = true)
    public Set<PersonId> reporterSide(Report report) {
        Set<PersonId> recipients = new LinkedHashSet<>();
        for (PersonSummary member : people.activeIn(report.organisationId())) {
            people.viewer(member.id())
                    .filter(viewer -> reports.mayRead(viewer, report))
                    .ifPresent(viewer -> recipients.add(member.id()));
        }
        return recipients;
    }

    /** The reporter's email, if they are still an active member who may see their report. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> reporterEmail(Report report) {
        return people.findById(report.reporterId())
                .filter(PersonSummary::active)
                .filter(p -> reporterSide(report).contains(p.id()))
                .map(PersonSummary::email);
    }
}

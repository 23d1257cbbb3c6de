package org.cascadehub.reports;

import java.util.Set;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;

/**
 * Who may see and do what with reports: the only place that decides. {@link #canSee} is the rule in
 * Java, {@link #visibleTo} the same rule in SQL for lists, search, counts and statistics; change
 * both together (ReportAccessMatrixTests checks every surface against one oracle).
 *
 * <p>Nobody sees anything unless they are an active person in a vetted organisation. Then a report
 * is visible when: they reported it, or their organisation did and it is not RED; they are a police
 * coordinator (police are always included in sharing); it is CLEAR or GREEN; it is AMBER and their
 * organisation is named or belongs to a named sharing group; it is AMBER+STRICT and their
 * organisation is named; it is RED and they are named.
 */
public final class ReportPolicy {

    private ReportPolicy() {}

    /**
     * May the viewer see the report? {@code viewerGroups}: the sharing groups the viewer's
     * organisation belongs to.
     */
    public static boolean canSee(@Nullable Viewer viewer, Report report, Set<SharingGroupId> viewerGroups) {
        if (viewer == null || !viewer.vettedMember()) {
            return false;
        }
        if (report.reporterId().equals(viewer.personId()) || isPolice(viewer)) {
            return true;
        }
        boolean ownOrganisation = report.organisationId().equals(viewer.organisationId());
        Report.Sharing sharing = report.sharing();
        return switch (report.tlp()) {
            case CLEAR, GREEN -> true;
            case AMBER ->
                ownOrganisation
                        || sharing.organisations().contains(viewer.organisationId())
                        || sharing.sharingGroups().stream().anyMatch(viewerGroups::contains);
            case AMBER_STRICT -> ownOrganisation || sharing.organisations().contains(viewer.organisationId());
            case RED -> sharing.people().contains(viewer.personId());
        };
    }

    /**
     * Adds {@link #canSee} as SQL over {@code report r}: the rule lists, search, nearby, counts and
     * statistics use.
     */
    static SqlFilter visibleTo(@Nullable Viewer viewer, SqlFilter filter) {
        if (viewer == null || !viewer.vettedMember()) {
            return filter.and("FALSE");
        }
        if (isPolice(viewer)) {
            return filter;
        }
        return filter.and(
                """
                (r.reporter_id = ?
                 OR (r.organisation_id = ? AND r.tlp <> 'RED')
                 OR r.tlp IN ('CLEAR', 'GREEN')
                 OR (r.tlp IN ('AMBER', 'AMBER_STRICT') AND EXISTS (SELECT 1 FROM report_share_organisation so
                       WHERE so.report_id = r.id AND so.organisation_id = ?))
                 OR (r.tlp = 'AMBER' AND EXISTS (SELECT 1 FROM report_share_group sg
                       JOIN sharing_group_member m ON m.sharing_group_id = sg.sharing_group_id
                       WHERE sg.report_id = r.id AND m.organisation_id = ?))
                 OR (r.tlp = 'RED' AND EXISTS (SELECT 1 FROM report_share_person sp
                       WHERE sp.report_id = r.id AND sp.person_id = ?)))
                """,
                viewer.personId().value(),
                viewer.organisationId().value(),
                viewer.organisationId().value(),
                viewer.organisationId().value(),
                viewer.personId().value());
    }

    /** Police coordinators: always included in sharing, and they triage. */
    public static boolean isPolice(Viewer viewer) {
        return viewer.vettedMember() && viewer.is(Role.POLICE_COORDINATOR);
    }

    /** Changing status, linking and promoting to an alert draft: police coordinators. */
    public static boolean canTriage(Viewer viewer) {
        return isPolice(viewer);
    }

    /** Is the viewer in the organisation that made the report (and allowed to see it)? */
    public static boolean isReporterSide(Viewer viewer, Report report, Set<SharingGroupId> viewerGroups) {
        return report.organisationId().equals(viewer.organisationId()) && canSee(viewer, report, viewerGroups);
    }

    /**
     * Messages are between the police and the reporter's organisation: both sides read and write
     * them; anyone else who may see the report is refused (403), everyone else never learns it exists.
     */
    public static boolean canMessage(Viewer viewer, Report report, Set<SharingGroupId> viewerGroups) {
        return isPolice(viewer) || isReporterSide(viewer, report, viewerGroups);
    }
}

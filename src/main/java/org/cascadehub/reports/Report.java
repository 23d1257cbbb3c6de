package org.cascadehub.reports;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SiteId;
import org.jspecify.annotations.Nullable;

/**
 * One incident report. Only ever handed to someone {@link ReportPolicy} lets see it; text is kept
 * as written (pages escape it, so script in it is inert).
 */
public record Report(
        ReportId id,
        ReportType type,
        Instant occurredAt,
        Point location,
        @Nullable SiteId site,
        String borough,
        String description,
        List<InvolvedPerson> people,
        List<InvolvedVehicle> vehicles,
        boolean immediateDanger,
        Tlp tlp,
        Sharing sharing,
        ReportStatus status,
        @Nullable String crimeReference,
        @Nullable String outcome,
        PersonId reporterId,
        String reporterName,
        OrganisationId organisationId,
        String organisationName,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant closedAt) {

    public Report {
        people = List.copyOf(people);
        vehicles = List.copyOf(vehicles);
    }

    /** A point in WGS84. */
    public record Point(double lat, double lon) {}

    /** Who it is shared with besides the police (always) and, unless RED, the reporter's organisation. */
    public record Sharing(Set<OrganisationId> organisations, Set<SharingGroupId> sharingGroups, Set<PersonId> people) {

        public static final Sharing POLICE_ONLY = new Sharing(Set.of(), Set.of(), Set.of());

        public Sharing {
            organisations = Set.copyOf(organisations);
            sharingGroups = Set.copyOf(sharingGroups);
            people = Set.copyOf(people);
        }
    }

    /** The type's human label, for pages and exports. */
    public String typeLabel() {
        return type.label();
    }
}

package org.cascadehub.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What {@link DirectoryBulkLoader} writes. The caller chooses every id, so rows can refer to each
 * other (and to organisations already in the directory) before anything is written.
 */
public record BulkLoad(
        List<NewOrganisation> organisations,
        List<NewPerson> people,
        List<NewSite> sites,
        List<NewSharingGroup> sharingGroups,
        List<NewApplication> applications) {

    public BulkLoad {
        organisations = List.copyOf(organisations);
        people = List.copyOf(people);
        sites = List.copyOf(sites);
        sharingGroups = List.copyOf(sharingGroups);
        applications = List.copyOf(applications);
    }

    public record NewOrganisation(OrganisationId id, OrganisationDetails details, OrganisationStatus status) {}

    public record NewPerson(PersonId id, OrganisationId organisationId, PersonDetails details, PersonStatus status) {}

    /** A site; its borough is worked out from the point, as {@link Sites} does. */
    public record NewSite(SiteId id, OrganisationId organisationId, SiteDetails details) {}

    public record NewSharingGroup(SharingGroupId id, String name, String description, List<OrganisationId> members) {
        public NewSharingGroup {
            members = List.copyOf(members);
        }
    }

    /** An open application: the organisation (as applied) and its applicant (pending). */
    public record NewApplication(
            UUID id, OrganisationId organisationId, PersonId applicantId, String message, Instant submittedAt) {}

    /** This load followed by another, written together. */
    public BulkLoad and(BulkLoad other) {
        return new BulkLoad(
                join(organisations, other.organisations),
                join(people, other.people),
                join(sites, other.sites),
                join(sharingGroups, other.sharingGroups),
                join(applications, other.applications));
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}

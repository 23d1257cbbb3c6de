package org.cascadehub.reports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cascadehub.alerts.Tlp;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks who a report is shared with: vetted organisations, sharing groups the reporter's own
 * organisation belongs to, and active people. A RED report must name at least one person.
 */
@Component
class SharingCheck {

    static final int SHARING_MAX = 200;

    private final Organisations organisations;
    private final SharingGroups sharingGroups;
    private final People people;

    SharingCheck(Organisations organisations, SharingGroups sharingGroups, People people) {
        this.organisations = organisations;
        this.sharingGroups = sharingGroups;
        this.people = people;
    }

    Report.Sharing check(Viewer reporter, ReportDraft.@Nullable Sharing sharing, Tlp tlp) {
        ReportDraft.Sharing given = sharing == null ? new ReportDraft.Sharing(null, null, null) : sharing;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        Set<OrganisationId> orgs = problems.attempt(() -> ids(
                "sharing.organisations",
                given.organisations(),
                OrganisationId::new,
                id -> organisations
                        .find(id)
                        .filter(o -> o.status() == OrganisationStatus.VETTED)
                        .isPresent(),
                "There is no member organisation"));
        Set<SharingGroupId> ownGroups = new LinkedHashSet<>();
        sharingGroups.of(reporter.organisationId()).forEach(g -> ownGroups.add(g.id()));
        Set<SharingGroupId> groups = problems.attempt(() -> ids(
                "sharing.sharingGroups",
                given.sharingGroups(),
                SharingGroupId::new,
                ownGroups::contains,
                "Your organisation is not in a sharing group"));
        Set<PersonId> named = problems.attempt(() -> ids(
                "sharing.people",
                given.people(),
                PersonId::new,
                id -> people.findById(id).filter(p -> p.active()).isPresent(),
                "There is no active member"));
        if (tlp == Tlp.RED && named != null && named.isEmpty()) {
            problems.add("sharing.people", "A TLP:RED report must name the people it is shared with");
        }
        problems.throwIfAny();
        return new Report.Sharing(orgs, groups, named);
    }

    private static <T> Set<T> ids(
            String field,
            @Nullable List<String> texts,
            Function<UUID, T> id,
            Predicate<T> known,
            String unknownMessage) {
        List<String> given = texts == null ? List.of() : texts;
        if (given.size() > SHARING_MAX) {
            throw InvalidInput.of(field, "Share with at most " + SHARING_MAX + " at once");
        }
        Set<T> ids = new LinkedHashSet<>();
        InvalidInput.Collector problems = new InvalidInput.Collector();
        for (String text : given) {
            Optional<T> parsed =
                    Optional.ofNullable(text).flatMap(ReportCheck::uuid).map(id).filter(known);
            if (parsed.isEmpty()) {
                problems.add(field, unknownMessage + " " + ReportCheck.shorten(String.valueOf(text)));
            } else {
                ids.add(parsed.get());
            }
        }
        problems.throwIfAny();
        return ids;
    }
}

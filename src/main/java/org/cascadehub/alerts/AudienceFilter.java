package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Roster.Member;
import org.cascadehub.directory.Roster.MemberOrganisation;
import org.cascadehub.directory.SharingGroupId;

/** The audience's organisation and role tests, with its lists as sets for the many lookups. */
record AudienceFilter(
        boolean everyone, Set<String> sectors, Set<UUID> organisations, Set<SharingGroupId> groups, Set<Role> roles) {

    AudienceFilter(Audience audience) {
        this(
                audience.allOrganisations(),
                Set.copyOf(audience.sectors()),
                Set.copyOf(audience.organisations()),
                audience.sharingGroups().stream().map(SharingGroupId::new).collect(Collectors.toSet()),
                Set.copyOf(audience.roles()));
    }

    boolean admits(MemberOrganisation organisation) {
        return everyone
                || organisation.sectors().stream().anyMatch(sectors::contains)
                || organisations.contains(organisation.id().value())
                || organisation.sharingGroups().stream().anyMatch(groups::contains);
    }

    boolean hasRole(Member member) {
        return roles.isEmpty() || member.roles().stream().anyMatch(roles::contains);
    }

    /** The recipients whose members (same order) hold a listed role; all of them if none is listed. */
    Recipient[] withRoles(Member[] members, Recipient[] recipients) {
        if (roles.isEmpty()) {
            return recipients;
        }
        List<Recipient> kept = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            if (hasRole(members[i])) {
                kept.add(recipients[i]);
            }
        }
        return kept.toArray(Recipient[]::new);
    }
}

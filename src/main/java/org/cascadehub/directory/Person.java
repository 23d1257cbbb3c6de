package org.cascadehub.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A person as the directory shows them. */
public record Person(
        PersonId id,
        String name,
        String email,
        @Nullable String phone,
        @Nullable String siaLicence,
        OrganisationId organisationId,
        String organisationName,
        Set<Role> roles,
        Set<String> leadSectors,
        boolean notifyEmail,
        boolean notifySms,
        PersonStatus status) {

    public Person {
        roles = Set.copyOf(roles);
        leadSectors = Set.copyOf(leadSectors);
    }
}

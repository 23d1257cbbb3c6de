package org.cascadehub.directory;

import java.util.Set;

/** What other modules need to know about a person. */
public record PersonSummary(
        PersonId id,
        String name,
        String email,
        OrganisationId organisationId,
        String organisationName,
        Set<Role> roles,
        PersonStatus status,
        OrganisationStatus organisationStatus) {

    public PersonSummary {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Active, in a vetted organisation: allowed to sign in and take part. */
    public boolean active() {
        return status == PersonStatus.ACTIVE && organisationStatus == OrganisationStatus.VETTED;
    }

    /** Outside demo mode, anyone holding a privileged role must sign in with a second factor. */
    public boolean needsSecondFactor() {
        return roles.stream().anyMatch(Role::privileged);
    }
}

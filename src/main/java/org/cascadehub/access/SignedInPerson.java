package org.cascadehub.access;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.directory.Role;
import org.cascadehub.platform.SignedIn;

/**
 * The principal of a signed-in session or API token: who the person is, kept small and
 * serialisable because it lives in the HTTP session.
 */
public record SignedInPerson(
        UUID personId, String email, String name, UUID organisationId, String organisationName, Set<Role> roles)
        implements SignedIn, Serializable {

    public SignedInPerson {
        roles = Set.copyOf(roles);
    }

    static SignedInPerson of(PersonSummary person) {
        return new SignedInPerson(
                person.id().value(),
                person.email(),
                person.name(),
                person.organisationId().value(),
                person.organisationName(),
                person.roles());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return email;
    }
}

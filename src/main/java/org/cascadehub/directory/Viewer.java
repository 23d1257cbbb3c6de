package org.cascadehub.directory;

import java.util.Set;

/**
 * A signed-in person as the directory's rules see them, read fresh for each request so a change of
 * role or status takes effect at once.
 */
public record Viewer(
        PersonId personId,
        OrganisationId organisationId,
        Set<Role> roles,
        Set<String> leadSectors,
        boolean active,
        boolean organisationVetted) {

    /**
     * The request attribute under which authentication may leave the viewer it has just read, so
     * the same request does not read it again.
     */
    public static final String REQUEST_ATTRIBUTE = Viewer.class.getName();

    public Viewer {
        roles = Set.copyOf(roles);
        leadSectors = Set.copyOf(leadSectors);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** An active person in a vetted organisation: a full member of the hub. */
    public boolean vettedMember() {
        return active && organisationVetted;
    }

    public boolean administrator() {
        return is(Role.ADMINISTRATOR) && vettedMember();
    }
}

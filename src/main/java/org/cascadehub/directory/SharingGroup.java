package org.cascadehub.directory;

import java.util.Set;

/** A named set of organisations that TLP:AMBER material can be shared with, such as a BCRP. */
public record SharingGroup(SharingGroupId id, String name, String description, Set<OrganisationId> members) {

    public SharingGroup {
        members = Set.copyOf(members);
    }
}

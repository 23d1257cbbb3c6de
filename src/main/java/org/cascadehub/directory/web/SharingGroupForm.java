package org.cascadehub.directory.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The sharing group form as typed: name, description and the member organisations ticked. */
record SharingGroupForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable List<String> members) {

    static final String[] FIELDS = {"name", "description", "members"};

    static SharingGroupForm empty() {
        return new SharingGroupForm(null, null, List.of());
    }

    static SharingGroupForm of(SharingGroup group) {
        return new SharingGroupForm(
                group.name(),
                group.description(),
                group.members().stream().map(OrganisationId::toString).toList());
    }

    List<OrganisationId> organisations() {
        List<OrganisationId> ids = new ArrayList<>();
        for (String member : members == null ? List.<String>of() : members) {
            try {
                ids.add(new OrganisationId(UUID.fromString(member)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("members", "Choose members from the list");
            }
        }
        return ids;
    }

    public boolean hasMember(OrganisationId organisation) {
        return members != null && members.contains(organisation.toString());
    }
}

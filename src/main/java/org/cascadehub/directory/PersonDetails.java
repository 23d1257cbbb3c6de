package org.cascadehub.directory;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a form, the API or an import says about a person, before it is checked. */
public record PersonDetails(
        @Nullable String name,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String siaLicence,
        Set<Role> roles,
        List<String> leadSectors,
        boolean notifyEmail,
        boolean notifySms) {

    public PersonDetails {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        leadSectors = leadSectors == null ? List.of() : List.copyOf(leadSectors);
    }
}

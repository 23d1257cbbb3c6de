package org.cascadehub.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a form, the API or an import says about an organisation, before it is checked. */
public record OrganisationDetails(
        @Nullable String name,
        @Nullable OrganisationKind kind,
        List<String> sectors,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        @Nullable String website,
        @Nullable String address) {

    public OrganisationDetails {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}

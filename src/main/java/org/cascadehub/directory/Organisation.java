package org.cascadehub.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An organisation in the partnership, with its sectors and contact details. */
public record Organisation(
        OrganisationId id,
        String name,
        OrganisationKind kind,
        OrganisationStatus status,
        Set<String> sectors,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        @Nullable String website,
        @Nullable String address,
        @Nullable String statusReason) {

    public Organisation {
        sectors = Set.copyOf(sectors);
    }

    /** The same organisation without the details only vetted members may see. */
    public Organisation withoutContactDetails() {
        return new Organisation(id, name, kind, status, sectors, null, null, website, null, statusReason);
    }
}

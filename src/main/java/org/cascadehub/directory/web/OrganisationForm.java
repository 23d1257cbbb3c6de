package org.cascadehub.directory.web;

import java.util.Arrays;
import java.util.List;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationKind;
import org.jspecify.annotations.Nullable;

/** The organisation form as typed: kept as text so a rejected form comes back exactly as it was. */
record OrganisationForm(
        @Nullable String name,
        @Nullable String kind,
        @Nullable List<String> sectors,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        @Nullable String website,
        @Nullable String address) {

    /** The form's inputs; each input's id is its name (the first checkbox or radio of a group). */
    static final String[] FIELDS = {"name", "kind", "sectors", "contactEmail", "contactPhone", "website", "address"};

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, List.of(), null, null, null, null);
    }

    static OrganisationForm of(Organisation organisation) {
        return new OrganisationForm(
                organisation.name(),
                organisation.kind().name(),
                List.copyOf(organisation.sectors()),
                organisation.contactEmail(),
                organisation.contactPhone(),
                organisation.website(),
                organisation.address());
    }

    OrganisationForm withKind(OrganisationKind kind) {
        return new OrganisationForm(name, kind.name(), sectors, contactEmail, contactPhone, website, address);
    }

    OrganisationDetails details() {
        return new OrganisationDetails(
                name,
                kindOf(kind),
                sectors == null ? List.of() : sectors,
                contactEmail,
                contactPhone,
                website,
                address);
    }

    public boolean hasSector(String code) {
        return sectors != null && sectors.contains(code);
    }

    /** An unknown kind is treated as none chosen, which the service names as a problem. */
    static @Nullable OrganisationKind kindOf(@Nullable String kind) {
        return Arrays.stream(OrganisationKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(null);
    }
}

package org.cascadehub.directory;

import org.jspecify.annotations.Nullable;

/** What a form, the API or an import says about a site, before it is checked. */
public record SiteDetails(
        @Nullable String name,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude) {}

package org.cascadehub.reports;

import org.jspecify.annotations.Nullable;

/** The API's JSON for linking: the related report's id, the kind of link and a note. */
public record LinkRequest(
        @Nullable String report,
        @Nullable String kind,
        @Nullable String note) {}

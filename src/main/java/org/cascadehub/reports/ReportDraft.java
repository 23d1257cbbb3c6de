package org.cascadehub.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A report as its reporter submits it: the API's JSON. Everything is optional here so that
 * {@link ReportCheck} can name every problem at once; {@code occurredAt} is ISO-8601 text for the
 * same reason. Give {@code location} or {@code site} (a site of the reporter's organisation, whose
 * point is then used). {@code tlp} defaults to AMBER; the police are always included in sharing.
 */
public record ReportDraft(
        @Nullable String type,
        @Nullable String occurredAt,
        @Nullable Location location,
        @Nullable String site,
        @Nullable String description,
        @Nullable List<InvolvedPerson> people,
        @Nullable List<InvolvedVehicle> vehicles,
        @Nullable Boolean immediateDanger,
        @Nullable String tlp,
        @Nullable Sharing sharing) {

    /** A point in WGS84. */
    public record Location(@Nullable Double lat, @Nullable Double lon) {}

    /** Ids of organisations, sharing groups and people to share with, as text. */
    public record Sharing(
            @Nullable List<String> organisations,
            @Nullable List<String> sharingGroups,
            @Nullable List<String> people) {}
}

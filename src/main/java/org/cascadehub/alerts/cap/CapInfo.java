package org.cascadehub.alerts.cap;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CAP 1.2 {@code <info>}: the event, what to do about it and where, in one language. The
 * language is {@code en-US} when the XML leaves it out, as the schema's default says.
 *
 * @param web a full, absolute URI for more information
 * @param parameters system-specific extra values ({@code <parameter>})
 */
public record CapInfo(
        String language,
        List<CapCategory> categories,
        String event,
        List<CapResponseType> responseTypes,
        CapUrgency urgency,
        CapSeverity severity,
        CapCertainty certainty,
        @Nullable String audience,
        List<CapNamedValue> eventCodes,
        @Nullable OffsetDateTime effective,
        @Nullable OffsetDateTime onset,
        @Nullable OffsetDateTime expires,
        @Nullable String senderName,
        @Nullable String headline,
        @Nullable String description,
        @Nullable String instruction,
        @Nullable String web,
        @Nullable String contact,
        List<CapNamedValue> parameters,
        List<CapResource> resources,
        List<CapArea> areas) {

    /** The language CAP assumes when {@code <language>} is absent. */
    public static final String DEFAULT_LANGUAGE = "en-US";

    public CapInfo {
        categories = List.copyOf(categories);
        responseTypes = List.copyOf(responseTypes);
        eventCodes = List.copyOf(eventCodes);
        effective = effective == null ? null : CapTimes.wholeSeconds(effective);
        onset = onset == null ? null : CapTimes.wholeSeconds(onset);
        expires = expires == null ? null : CapTimes.wholeSeconds(expires);
        parameters = List.copyOf(parameters);
        resources = List.copyOf(resources);
        areas = List.copyOf(areas);
    }
}

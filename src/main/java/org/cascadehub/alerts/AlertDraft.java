package org.cascadehub.alerts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An alert as its author writes it (the API's JSON draft). CAP enumerations are written as CAP
 * spells them ({@code Severe}); {@code tlp} as TLP 2.0 ({@code AMBER+STRICT}). Give {@code expires}
 * or {@code expiresInMinutes}. {@code event} (the CAP event type) defaults to the headline.
 * Everything is checked by {@link AlertAuthoring}, which names each field it refuses.
 */
public record AlertDraft(
        @Nullable String headline,
        @Nullable String event,
        @Nullable String description,
        @Nullable String instruction,
        @Nullable String category,
        @Nullable String urgency,
        @Nullable String severity,
        @Nullable String certainty,
        @Nullable String responseType,
        @Nullable String tlp,
        @Nullable Area area,
        @Nullable Audience audience,
        @Nullable Instant expires,
        @Nullable Integer expiresInMinutes) {}

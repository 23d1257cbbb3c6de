package org.cascadehub.reports;

import org.jspecify.annotations.Nullable;

/**
 * How to start an alert draft from a report (the API's JSON, all optional): {@code area} is
 * {@code circle} (around the report's point, {@code radiusKm}, default 0.5) or {@code borough}.
 */
public record Promotion(@Nullable String area, @Nullable Double radiusKm) {

    public static final Promotion DEFAULT = new Promotion(null, null);
}

package org.cascadehub.reports;

import org.jspecify.annotations.Nullable;

/** A vehicle involved in an incident; {@code direction} is where it went (e.g. "north on the Strand"). */
public record InvolvedVehicle(
        @Nullable String make,
        @Nullable String model,
        @Nullable String colour,
        @Nullable String registration,
        @Nullable String direction) {}

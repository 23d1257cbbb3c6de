package org.cascadehub.reports;

import org.jspecify.annotations.Nullable;

/**
 * A police coordinator's triage step (the API's JSON): the new status, the message shared with the
 * reporter, the crime reference (needed for CRIME_RECORDED) and the outcome (needed for CLOSED).
 */
public record StatusChange(
        @Nullable String status,
        @Nullable String message,
        @Nullable String crimeReference,
        @Nullable String outcome) {}

package org.cascadehub.reports;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a report's status history, with the message the police shared. */
public record StatusStep(
        long id,
        @Nullable ReportStatus from,
        ReportStatus to,
        @Nullable String message,
        @Nullable String crimeReference,
        @Nullable String outcome,
        String byName,
        Instant at) {}

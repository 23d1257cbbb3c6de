package org.cascadehub.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Statistics over the reports one viewer may see (never more, so a figure cannot reveal a hidden
 * report): counts by type, borough and month, the median time to the first police response, and
 * how many reports had feedback from the police.
 */
public record ReportFigures(
        long total,
        List<Count> byType,
        List<Count> byBorough,
        List<Count> byMonth,
        @Nullable Double medianMinutesToFirstResponse,
        long responded,
        long withFeedback,
        double feedbackShare) {

    public ReportFigures {
        byType = List.copyOf(byType);
        byBorough = List.copyOf(byBorough);
        byMonth = List.copyOf(byMonth);
    }

    /** One bar of a chart: {@code key} as the API writes it, {@code label} for people. */
    public record Count(String key, String label, long count) {}
}

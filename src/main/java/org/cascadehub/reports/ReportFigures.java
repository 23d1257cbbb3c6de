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
        double feedbackShare,
        List<Month> monthly) {

    public ReportFigures {
        byType = List.copyOf(byType);
        byBorough = List.copyOf(byBorough);
        byMonth = List.copyOf(byMonth);
        monthly = List.copyOf(monthly);
    }

    /**
     * One month's response figures, by the month the incident happened: how many reports, how many
     * had feedback, and the median minutes to the first police response (null when none was answered).
     */
    public record Month(
            String key,
            long reports,
            long withFeedback,
            @Nullable Double medianMinutesToFirstResponse) {

        public double feedbackShare() {
            return reports == 0 ? 0 : (double) withFeedback / reports;
        }
    }

    /** One bar of a chart: {@code key} as the API writes it, {@code label} for people. */
    public record Count(String key, String label, long count) {}
}

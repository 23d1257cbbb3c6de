package org.cascadehub.dashboard;

import java.util.List;
import java.util.Locale;
import org.cascadehub.dashboard.BarChart.Row;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.ReportFigures;
import org.cascadehub.reports.ReportQuery;
import org.cascadehub.reports.ReportStatistics;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The partnership's report statistics as the dashboard shows them: a chart per figure, over only
 * the reports the viewer may see (the statistics service applies the policy, so a chart can never
 * reveal a report someone may not read).
 */
@Component
class ReportCharts {

    /** The charts and the two figures that are one number each. */
    record Shown(
            long total,
            BarChart byType,
            BarChart byBorough,
            BarChart byMonth,
            BarChart feedback,
            BarChart medianResponseByMonth,
            BarChart feedbackShareByMonth,
            @Nullable String medianResponse,
            String feedbackShare) {}

    private final ReportStatistics statistics;

    ReportCharts(ReportStatistics statistics) {
        this.statistics = statistics;
    }

    Shown of(Viewer viewer) {
        ReportFigures figures = statistics.of(viewer, ReportQuery.ALL);
        return new Shown(
                figures.total(),
                BarChart.counts("by-type", "Reports by type", "Reports", rows(figures.byType(), true)),
                BarChart.counts("by-borough", "Reports by borough", "Reports", rows(figures.byBorough(), true)),
                BarChart.counts("by-month", "Reports by month", "Reports", rows(figures.byMonth(), false)),
                BarChart.counts(
                        "feedback",
                        "Reports with feedback from the police",
                        "Reports",
                        List.of(
                                new Row("With feedback", figures.withFeedback()),
                                new Row("Without feedback yet", figures.total() - figures.withFeedback()))),
                BarChart.of(
                        "median-response-by-month",
                        "Median time to the first police response, by month",
                        "Hours",
                        figures.monthly().stream()
                                .filter(m -> m.medianMinutesToFirstResponse() != null)
                                .map(m -> new Row(m.key(), m.medianMinutesToFirstResponse() / 60.0))
                                .toList(),
                        hours -> String.format(Locale.UK, "%.1f h", hours)),
                BarChart.of(
                        "feedback-share-by-month",
                        "Share of reports with feedback from the police, by month",
                        "Per cent",
                        figures.monthly().stream()
                                .map(m -> new Row(m.key(), m.feedbackShare() * 100))
                                .toList(),
                        share -> String.format(Locale.UK, "%d%%", Math.round(share))),
                duration(figures.medianMinutesToFirstResponse()),
                percent(figures.feedbackShare()));
    }

    /** Largest first for categories; in their own order (oldest month first) for time. */
    private static List<Row> rows(List<ReportFigures.Count> counts, boolean largestFirst) {
        var rows = counts.stream().map(c -> new Row(c.label(), c.count()));
        return (largestFirst ? rows.sorted((a, b) -> Double.compare(b.value(), a.value())) : rows).toList();
    }

    /** "2 hours 15 minutes", "40 minutes", "3 days 4 hours"; null when nothing has been answered yet. */
    static @Nullable String duration(@Nullable Double minutes) {
        if (minutes == null) {
            return null;
        }
        long total = Math.round(minutes);
        long days = total / (24 * 60);
        long hours = total % (24 * 60) / 60;
        long mins = total % 60;
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (mins > 0 ? " " + plural(mins, "minute") : "");
        }
        return plural(mins, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static String percent(double share) {
        return String.format(Locale.UK, "%d%%", Math.round(share * 100));
    }
}

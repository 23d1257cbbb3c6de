package org.cascadehub.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics for partners, always over the reports the viewer may see ({@link
 * ReportPolicy#visibleTo}): each figure is its own query with the same filter and policy.
 */
@Service
public class ReportStatistics {

    private final JdbcClient jdbc;
    private final Boroughs boroughs;

    ReportStatistics(JdbcClient jdbc, Boroughs boroughs) {
        this.jdbc = jdbc;
        this.boroughs = boroughs;
    }

    @Transactional(readOnly = true)
    public ReportFigures of(@Nullable Viewer viewer, ReportQuery query) {
        Map<String, String> boroughNames =
                boroughs.all().stream().collect(Collectors.toMap(Borough::code, Borough::name));
        List<ReportFigures.Count> byType =
                counts(viewer, query, "r.type", key -> ReportType.valueOf(key).label());
        List<ReportFigures.Count> byBorough =
                counts(viewer, query, "r.borough_code", key -> boroughNames.getOrDefault(key, key));
        List<ReportFigures.Count> byMonth =
                counts(viewer, query, "to_char(r.occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM')", key -> key);
        SqlFilter filter = ReportPolicy.visibleTo(viewer, query.filter());
        Summary summary = jdbc.sql("""
                SELECT count(*) AS total,
                  count(r.first_response_at) AS responded,
                  count(r.feedback_at) AS with_feedback,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at))
                    FILTER (WHERE r.first_response_at IS NOT NULL) AS median_seconds
                FROM report r""" + filter.clause())
                .params(filter.params())
                .query((rs, n) -> new Summary(
                        rs.getLong("total"),
                        rs.getLong("responded"),
                        rs.getLong("with_feedback"),
                        rs.getObject("median_seconds") == null ? null : rs.getDouble("median_seconds")))
                .single();
        return new ReportFigures(
                summary.total(),
                byType,
                byBorough,
                byMonth,
                summary.medianSeconds() == null ? null : minutes(summary.medianSeconds()),
                summary.responded(),
                summary.withFeedback(),
                summary.total() == 0 ? 0 : (double) summary.withFeedback() / summary.total(),
                monthly(viewer, query));
    }

    private List<ReportFigures.Month> monthly(@Nullable Viewer viewer, ReportQuery query) {
        SqlFilter filter = ReportPolicy.visibleTo(viewer, query.filter());
        return jdbc.sql("""
                SELECT to_char(r.occurred_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
                  count(*) AS reports,
                  count(r.feedback_at) AS with_feedback,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at))
                    FILTER (WHERE r.first_response_at IS NOT NULL) AS median_seconds
                FROM report r""" + filter.clause() + " GROUP BY 1 ORDER BY 1")
                .params(filter.params())
                .query((rs, n) -> new ReportFigures.Month(
                        rs.getString("month"),
                        rs.getLong("reports"),
                        rs.getLong("with_feedback"),
                        rs.getObject("median_seconds") == null ? null : minutes(rs.getDouble("median_seconds"))))
                .list();
    }

    /** Seconds as minutes to one decimal place. */
    private static double minutes(double seconds) {
        return Math.round(seconds / 6.0) / 10.0;
    }

    private record Summary(
            long total,
            long responded,
            long withFeedback,
            @Nullable Double medianSeconds) {}

    private List<ReportFigures.Count> counts(
            @Nullable Viewer viewer, ReportQuery query, String key, Function<String, String> label) {
        SqlFilter filter = ReportPolicy.visibleTo(viewer, query.filter());
        return jdbc.sql("SELECT " + key + " AS key, count(*) AS n FROM report r" + filter.clause()
                        + " GROUP BY 1 ORDER BY 1")
                .params(filter.params())
                .query((rs, n) ->
                        new ReportFigures.Count(rs.getString("key"), label.apply(rs.getString("key")), rs.getLong("n")))
                .list();
    }

    /** The same figures as CSV: one row per figure and key, for spreadsheets. */
    public static String csv(ReportFigures figures) {
        StringBuilder csv = new StringBuilder("figure,key,label,value\r\n");
        row(csv, "total", "", "Reports", Long.toString(figures.total()));
        figures.byType().forEach(c -> row(csv, "type", c.key(), c.label(), Long.toString(c.count())));
        figures.byBorough().forEach(c -> row(csv, "borough", c.key(), c.label(), Long.toString(c.count())));
        figures.byMonth().forEach(c -> row(csv, "month", c.key(), c.label(), Long.toString(c.count())));
        row(
                csv,
                "median_minutes_to_first_response",
                "",
                "Median minutes to first police response",
                figures.medianMinutesToFirstResponse() == null
                        ? ""
                        : String.format(Locale.ROOT, "%.1f", figures.medianMinutesToFirstResponse()));
        row(csv, "with_feedback", "", "Reports with feedback", Long.toString(figures.withFeedback()));
        row(
                csv,
                "feedback_share",
                "",
                "Share of reports with feedback",
                String.format(Locale.ROOT, "%.3f", figures.feedbackShare()));
        for (ReportFigures.Month month : figures.monthly()) {
            Double median = month.medianMinutesToFirstResponse();
            row(
                    csv,
                    "month_median_minutes_to_first_response",
                    month.key(),
                    month.key(),
                    median == null ? "" : String.format(Locale.ROOT, "%.1f", median));
            row(
                    csv,
                    "month_feedback_share",
                    month.key(),
                    month.key(),
                    String.format(Locale.ROOT, "%.3f", month.feedbackShare()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    /** Quotes as RFC 4180 asks; a cell starting like a formula is prefixed so spreadsheets do not run it. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}

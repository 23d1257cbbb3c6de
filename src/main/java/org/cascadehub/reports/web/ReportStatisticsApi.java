package org.cascadehub.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.ReportFigures;
import org.cascadehub.reports.ReportStatistics;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistics for partners over the reports each caller may see, as JSON and CSV. */
@RestController
@Tag(name = "Reports")
class ReportStatisticsApi {

    private final ReportStatistics statistics;

    ReportStatisticsApi(ReportStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/reports/statistics")
    @Operation(
            summary = "Reports by type, borough and month; median time to first police response; share with"
                    + " feedback",
            description = "Counts only reports the caller may see. Filters as for the search.")
    ReportFigures figures(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String borough,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return statistics.of(viewer, QueryParameters.query(q, type, borough, status, from, to));
    }

    @GetMapping("/api/v1/reports/statistics.csv")
    @Operation(summary = "The same figures as CSV (figure,key,label,value)")
    ResponseEntity<String> csv(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String borough,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        ReportFigures figures = statistics.of(viewer, QueryParameters.query(q, type, borough, status, from, to));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-statistics.csv\"")
                .body(ReportStatistics.csv(figures));
    }
}

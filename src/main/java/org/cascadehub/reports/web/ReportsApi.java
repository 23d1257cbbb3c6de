package org.cascadehub.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportDraft;
import org.cascadehub.reports.ReportQuery;
import org.cascadehub.reports.ReportSubmission;
import org.cascadehub.reports.ReportTriage;
import org.cascadehub.reports.Reports;
import org.cascadehub.reports.StatusChange;
import org.cascadehub.reports.StatusStep;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports back to the police: submitting, reading, searching and triage. */
@RestController
@Tag(name = "Reports")
class ReportsApi {

    private final Reports reports;
    private final ReportSubmission submission;
    private final ReportTriage triage;

    ReportsApi(Reports reports, ReportSubmission submission, ReportTriage triage) {
        this.reports = reports;
        this.submission = submission;
        this.triage = triage;
    }

    @PostMapping("/api/v1/reports")
    @Operation(
            summary = "Report an incident (members of vetted organisations)",
            description = "type and status in upper snake case (HOSTILE_RECONNAISSANCE); occurredAt an ISO-8601"
                    + " instant, not in the future; location {\"lat\",\"lon\"} inside the city, or site (one of"
                    + " your organisation's); tlp CLEAR, GREEN, AMBER (default), AMBER+STRICT or RED; sharing"
                    + " {\"organisations\",\"sharingGroups\",\"people\"} (ids; the police are always included; RED"
                    + " must name people); people and vehicles involved as structured descriptions. Every problem"
                    + " is named at once. immediateDanger:true saves normally: call 999.")
    ResponseEntity<Report> submit(Viewer viewer, @RequestBody ReportDraft draft) {
        Report report = submission.submit(viewer, draft);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id()))
                .body(report);
    }

    @GetMapping("/api/v1/reports")
    @Operation(
            summary = "Search the reports the caller may see, newest first",
            description = "q is full text over the description and type; from/to bound when incidents occurred.")
    Page<Report> search(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String borough,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size) {
        ReportQuery query = QueryParameters.query(q, type, borough, status, from, to);
        return reports.search(viewer, query, Page.number(page), Math.clamp(size, 1, 200));
    }

    @GetMapping("/api/v1/reports/queue")
    @Operation(
            summary = "The police triage queue, oldest first (police coordinators)",
            description = "borough and status may be repeated; without status, every status but CLOSED.")
    Page<Report> queue(
            Viewer viewer,
            @RequestParam(required = false) @Nullable List<String> borough,
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        return reports.queue(
                viewer,
                borough == null ? List.of() : borough,
                QueryParameters.statuses(status),
                Page.number(page),
                Math.clamp(size, 1, 200));
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(
            summary = "One report",
            description = "404 when the caller may not see it. Reads of AMBER, AMBER+STRICT and RED reports are"
                    + " audited.")
    Report get(Viewer viewer, @PathVariable String id) {
        return reports.read(viewer, QueryParameters.reportId(id));
    }

    @GetMapping("/api/v1/reports/{id}/history")
    @Operation(summary = "Status history with the police's messages (the police and the reporter's organisation)")
    List<StatusStep> history(Viewer viewer, @PathVariable String id) {
        return triage.history(viewer, QueryParameters.reportId(id));
    }

    @PostMapping("/api/v1/reports/{id}/status")
    @Operation(
            summary = "Move a report on (police coordinators)",
            description = "{\"status\",\"message\",\"crimeReference\",\"outcome\"}: the message is shared with the"
                    + " reporter; CRIME_RECORDED needs crimeReference, CLOSED needs outcome. 409 from a status"
                    + " that cannot move there.")
    Report changeStatus(Viewer viewer, @PathVariable String id, @RequestBody StatusChange change) {
        return triage.changeStatus(viewer, QueryParameters.reportId(id), change);
    }
}

package org.cascadehub.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.Pagination;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportId;
import org.cascadehub.reports.ReportPolicy;
import org.cascadehub.reports.ReportQuery;
import org.cascadehub.reports.ReportStatus;
import org.cascadehub.reports.ReportType;
import org.cascadehub.reports.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports someone may see, searchable, and one report with everything about it that they may
 * see: its timeline of police feedback and messages (for the police and the reporter's side), its
 * attachments, related and nearby reports, and the police's actions. A report they may not see is
 * not found, exactly like one that does not exist.
 */
@Controller
class ReportPages implements ReportPage {

    static final int PAGE_SIZE = 20;

    private final Reports reports;
    private final Boroughs boroughs;
    private final ReportPageModel page;

    ReportPages(Reports reports, Boroughs boroughs, ReportPageModel page) {
        this.reports = reports;
        this.boroughs = boroughs;
        this.page = page;
    }

    @GetMapping("/reports")
    String list(
            Viewer viewer,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String borough,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            Model model) {
        ReportQuery query = new ReportQuery(
                blankToNull(q),
                type == null ? null : ReportType.parse(type).orElse(null),
                blankToNull(borough),
                status == null ? null : ReportStatus.parse(status).orElse(null),
                null,
                null);
        Page<Report> found = reports.search(viewer, query, Pagination.number(page), PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("pagination", Pagination.of(found, request));
        model.addAttribute("types", ReportType.values());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("boroughs", boroughs.all());
        model.addAttribute("police", ReportPolicy.canTriage(viewer));
        return "reports/list";
    }

    @GetMapping("/reports/{id}")
    String show(Viewer viewer, @PathVariable String id, Model model) {
        return page.show(viewer, reports.read(viewer, reportId(id), "page"), model);
    }

    static ReportId reportId(String text) {
        return ReportId.parse(text).orElseThrow(() -> new NotFound("There is no report " + text));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

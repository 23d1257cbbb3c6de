package org.cascadehub.reports.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.Page;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportPolicy;
import org.cascadehub.reports.ReportStatus;
import org.cascadehub.reports.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The police coordinator's triage queue: open reports in their boroughs (those of their unit's
 * sites, unless they choose others or all), oldest first in each status so nothing waits unseen.
 * New reports join it live ({@code report-queue.js} listens to the stream's {@code report} events);
 * without JavaScript, reloading shows them.
 */
@Controller
class ReportQueuePage implements ReportPage {

    /** More than a borough's reports in one status at any time; the rest are on the searchable list. */
    static final int MOST = 200;

    private final Reports reports;
    private final Sites sites;
    private final Boroughs boroughs;

    ReportQueuePage(Reports reports, Sites sites, Boroughs boroughs) {
        this.reports = reports;
        this.sites = sites;
        this.boroughs = boroughs;
    }

    @GetMapping("/reports/queue")
    String queue(
            Viewer viewer,
            @RequestParam(name = "borough", required = false) @Nullable List<String> chosen,
            @RequestParam(required = false) @Nullable String all,
            Model model) {
        if (!ReportPolicy.canTriage(viewer)) {
            throw new NotAllowed("Only police coordinators have a triage queue.");
        }
        Set<String> selected = all != null ? Set.of() : chosen != null ? new TreeSet<>(chosen) : ownBoroughs(viewer);
        Map<ReportStatus, List<Report>> byStatus = new LinkedHashMap<>();
        Map<ReportStatus, Long> totals = new LinkedHashMap<>();
        for (ReportStatus status : ReportStatus.values()) {
            if (status != ReportStatus.CLOSED) {
                Page<Report> open = reports.queue(viewer, selected, EnumSet.of(status), 1, MOST);
                byStatus.put(status, open.items());
                totals.put(status, open.total());
            }
        }
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("totals", totals);
        model.addAttribute("selected", selected);
        model.addAttribute("boroughs", boroughs.all());
        Map<String, String> names = boroughNames();
        model.addAttribute("boroughNames", names);
        model.addAttribute(
                "selectedNames",
                String.join(
                        ", ",
                        selected.stream()
                                .map(code -> names.getOrDefault(code, code))
                                .toList()));
        return "reports/queue";
    }

    /** The boroughs of the coordinator's own unit's sites. */
    private Set<String> ownBoroughs(Viewer viewer) {
        Set<String> own = new TreeSet<>();
        for (Site site : sites.ofOrganisation(viewer.organisationId())) {
            own.add(site.boroughCode());
        }
        return own;
    }

    private Map<String, String> boroughNames() {
        Map<String, String> names = new LinkedHashMap<>();
        boroughs.all().forEach(b -> names.put(b.code(), b.name()));
        return names;
    }
}

package org.cascadehub.reports.web;

import java.time.Duration;
import java.util.List;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportLink;
import org.cascadehub.reports.ReportLinks;
import org.cascadehub.reports.ReportMessages;
import org.cascadehub.reports.ReportPolicy;
import org.cascadehub.reports.ReportTriage;
import org.cascadehub.reports.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a report's page shows, for one viewer: the timeline and the message form only to the police
 * and the reporter's organisation, the police's actions only to the police, related and nearby
 * reports only where the viewer may see them too.
 */
@Component
class ReportPageModel {

    static final double NEARBY_KM = 1.0;
    static final Duration NEARBY_WINDOW = Duration.ofDays(14);
    static final int NEARBY_MOST = 10;

    /** A link and the report at its other end. */
    record RelatedReport(ReportLink link, Report report) {}

    private final Reports reports;
    private final ReportTriage triage;
    private final ReportMessages messages;
    private final ReportLinks links;
    private final Boroughs boroughs;
    private final ReportAttachmentsShown attachments;

    ReportPageModel(
            Reports reports,
            ReportTriage triage,
            ReportMessages messages,
            ReportLinks links,
            Boroughs boroughs,
            ReportAttachmentsShown attachments) {
        this.reports = reports;
        this.triage = triage;
        this.messages = messages;
        this.links = links;
        this.boroughs = boroughs;
        this.attachments = attachments;
    }

    /** Fills the model for {@code report} (already read through the policy) and names the template. */
    String show(Viewer viewer, Report report, Model model) {
        boolean participates = reports.mayMessage(viewer, report);
        model.addAttribute("report", report);
        model.addAttribute("tlp", ReportTlpLabel.of(report.tlp()));
        model.addAttribute(
                "boroughName",
                boroughs.find(report.borough()).map(b -> b.name()).orElse(report.borough()));
        model.addAttribute("participates", participates);
        boolean police = ReportPolicy.canTriage(viewer);
        model.addAttribute("police", police);
        model.addAttribute(
                "messageHint",
                police ? "The organisation that made the report will see it." : "The police will see it.");
        model.addAttribute(
                "timeline",
                participates
                        ? ReportTimeline.of(triage.history(viewer, report.id()), messages.of(viewer, report.id()))
                        : List.of());
        model.addAttribute(
                "links",
                links.of(viewer, report.id()).stream()
                        .map(link -> new RelatedReport(link, reports.visible(viewer, link.related())))
                        .toList());
        model.addAttribute(
                "nearby",
                reports.nearby(
                        viewer,
                        report.location(),
                        report.occurredAt(),
                        NEARBY_KM,
                        NEARBY_WINDOW,
                        report.id(),
                        NEARBY_MOST));
        model.addAttribute("attachments", attachments.of(viewer, report));
        model.addAttribute("nextStatuses", report.status().next());
        model.addAttribute("linkKinds", org.cascadehub.reports.LinkKind.values());
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", new StatusForm(null, null, null, null));
        }
        if (!model.containsAttribute("messageText")) {
            model.addAttribute("messageText", "");
        }
        if (!model.containsAttribute("linkForm")) {
            model.addAttribute("linkForm", new LinkForm(null, null, null));
        }
        return "reports/report";
    }

    /** The police's status form as typed. */
    record StatusForm(
            @Nullable String status,
            @Nullable String message,
            @Nullable String crimeReference,
            @Nullable String outcome) {}

    /** The police's link form as typed: the other report's id (or its address). */
    record LinkForm(
            @Nullable String report,
            @Nullable String kind,
            @Nullable String note) {}
}

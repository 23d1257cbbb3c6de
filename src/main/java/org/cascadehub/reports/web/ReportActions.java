package org.cascadehub.reports.web;

import java.util.List;
import org.cascadehub.alerts.Alert;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.reports.LinkRequest;
import org.cascadehub.reports.Promotion;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportId;
import org.cascadehub.reports.ReportLinks;
import org.cascadehub.reports.ReportMessages;
import org.cascadehub.reports.ReportPromotion;
import org.cascadehub.reports.ReportTriage;
import org.cascadehub.reports.Reports;
import org.cascadehub.reports.StatusChange;
import org.cascadehub.reports.web.ReportPageModel.LinkForm;
import org.cascadehub.reports.web.ReportPageModel.StatusForm;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What people do on a report's page: the police change its status (with the message they share, a
 * crime reference, an outcome), link it to another, or start an alert from it; the police and the
 * reporter's organisation write messages. The services decide who may (404 for a report the viewer
 * may not see, 403 for an action that is not theirs); a problem shows the page again with what was
 * typed and a message by the field.
 */
@Controller
class ReportActions implements ReportPage {

    private final Reports reports;
    private final ReportTriage triage;
    private final ReportMessages messages;
    private final ReportLinks links;
    private final ReportPromotion promotion;
    private final ReportPageModel page;
    private final ReportSending sending;

    ReportActions(
            Reports reports,
            ReportTriage triage,
            ReportMessages messages,
            ReportLinks links,
            ReportPromotion promotion,
            ReportPageModel page,
            ReportSending sending) {
        this.reports = reports;
        this.triage = triage;
        this.messages = messages;
        this.links = links;
        this.promotion = promotion;
        this.page = page;
        this.sending = sending;
    }

    @PostMapping("/reports/{id}/status")
    String changeStatus(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String message,
            @RequestParam(required = false) @Nullable String crimeReference,
            @RequestParam(required = false) @Nullable String outcome,
            Model model,
            RedirectAttributes redirect) {
        ReportId reportId = ReportPages.reportId(id);
        try {
            Report report =
                    triage.changeStatus(viewer, reportId, new StatusChange(status, message, crimeReference, outcome));
            redirect.addFlashAttribute(
                    "notice",
                    "The report is now " + report.status().label().toLowerCase(java.util.Locale.UK)
                            + ". The reporter has been told.");
            return "redirect:/reports/" + report.id();
        } catch (InvalidInput invalid) {
            model.addAttribute("statusForm", new StatusForm(status, message, crimeReference, outcome));
            return again(viewer, reportId, invalid, model, "status", "message", "crimeReference", "outcome");
        }
    }

    @PostMapping("/reports/{id}/messages")
    String post(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String body,
            Model model,
            RedirectAttributes redirect) {
        ReportId reportId = ReportPages.reportId(id);
        try {
            messages.post(viewer, reportId, body);
            redirect.addFlashAttribute("notice", "Your message was sent.");
            return "redirect:/reports/" + reportId + "#timeline";
        } catch (InvalidInput invalid) {
            model.addAttribute("messageText", body == null ? "" : body);
            return again(viewer, reportId, invalid, model, "body");
        }
    }

    @PostMapping("/reports/{id}/links")
    String link(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(name = "related", required = false) @Nullable String report,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        ReportId reportId = ReportPages.reportId(id);
        try {
            links.link(viewer, reportId, new LinkRequest(idFrom(report), kind, note));
            redirect.addFlashAttribute("notice", "The reports are linked.");
            return "redirect:/reports/" + reportId + "#related";
        } catch (InvalidInput invalid) {
            model.addAttribute("linkForm", new LinkForm(report, kind, note));
            return again(
                    viewer,
                    reportId,
                    invalid.renamed(f -> f.equals("report") ? "related" : f),
                    model,
                    "related",
                    "kind",
                    "note");
        }
    }

    @PostMapping("/reports/{id}/attachments")
    String attach(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> uploads,
            Model model,
            RedirectAttributes redirect) {
        ReportId reportId = ReportPages.reportId(id);
        Report report = reports.participating(viewer, reportId);
        try {
            List<MultipartFile> files = ReportSending.chosen(uploads);
            if (files.isEmpty()) {
                throw InvalidInput.of("attachments", "Choose a photo or a PDF to add");
            }
            files.forEach(file -> sending.add(viewer, report, file));
            redirect.addFlashAttribute("notice", files.size() == 1 ? "The file was added." : "The files were added.");
            return "redirect:/reports/" + reportId + "#files";
        } catch (InvalidInput invalid) {
            return again(viewer, reportId, invalid, model, "attachments");
        }
    }

    @PostMapping("/reports/{id}/alert-draft")
    String promote(
            Viewer viewer,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String area,
            RedirectAttributes redirect) {
        Alert alert = promotion.promote(viewer, ReportPages.reportId(id), new Promotion(area, null));
        redirect.addFlashAttribute("notice", "An alert draft was started from the report: check it, then send it.");
        return "redirect:/alerts/" + alert.id() + "/edit";
    }

    /** The page again, with the problems beside the fields of the form that was sent. */
    private String again(Viewer viewer, ReportId id, InvalidInput invalid, Model model, String... fields) {
        model.addAttribute("problems", FormProblems.of(invalid, fields));
        return page.show(viewer, reports.read(viewer, id, "page"), model);
    }

    /** The other report as its id, or its page's address pasted in. */
    private static @Nullable String idFrom(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String clean = text.strip();
        int slash = clean.lastIndexOf("/reports/");
        return slash < 0 ? clean : clean.substring(slash + "/reports/".length()).replaceAll("[/?#].*$", "");
    }
}

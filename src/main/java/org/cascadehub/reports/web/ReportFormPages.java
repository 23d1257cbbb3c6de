package org.cascadehub.reports.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.reports.AttachmentTooLarge;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportAttachments;
import org.cascadehub.reports.ReportDrafts;
import org.cascadehub.reports.SavedDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting an incident. The form is saved as a draft as the person types (htmx posts it to {@code
 * /reports/new/draft}) and on every round trip (adding a person or a vehicle is a submit button, so
 * it works without JavaScript), and it comes back as they left it. A report with problems is shown
 * again with everything typed and a message by each field; nothing is lost.
 */
@Controller
class ReportFormPages implements ReportPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final ReportDrafts drafts;
    private final ReportFormReading reading;
    private final ReportFormChoices choices;
    private final ReportSending sending;
    private final ReportAttachments attachments;
    private final JsonMapper json;

    ReportFormPages(
            ReportDrafts drafts,
            ReportFormReading reading,
            ReportFormChoices choices,
            ReportSending sending,
            ReportAttachments attachments,
            JsonMapper json) {
        this.drafts = drafts;
        this.reading = reading;
        this.choices = choices;
        this.sending = sending;
        this.attachments = attachments;
        this.json = json;
    }

    @GetMapping("/reports/new")
    String form(
            Viewer viewer, @RequestParam(name = "too-large", required = false) @Nullable String tooLarge, Model model) {
        requireMember(viewer);
        if (tooLarge != null) {
            model.addAttribute(
                    "problems",
                    FormProblems.of(
                            InvalidInput.of(
                                    "attachments",
                                    "The files were too large to send: "
                                            + AttachmentTooLarge.message(attachments.maxBytes())
                                            + " Your report is as you left it; choose the files again."),
                            "attachments"));
        }
        Optional<SavedDraft> saved = drafts.load(viewer);
        ReportForm form = saved.map(this::restored).orElse(ReportForm.empty());
        saved.ifPresent(draft -> model.addAttribute("restoredAt", clock(draft)));
        return show(viewer, form, model);
    }

    @PostMapping("/reports/new")
    String post(
            Viewer viewer,
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "submit") String action,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> uploads,
            Model model,
            RedirectAttributes redirect) {
        requireMember(viewer);
        ReportForm form = ReportForm.from(params);
        if (action.equals("discard")) {
            drafts.discard(viewer);
            redirect.addFlashAttribute("notice", "Your draft report was discarded.");
            return "redirect:/reports/new";
        }
        ReportForm changed = changed(form, action);
        if (changed != null) {
            save(viewer, changed);
            return show(viewer, changed, model);
        }
        try {
            List<MultipartFile> files = ReportSending.chosen(uploads);
            Report report = sending.send(viewer, reading.draft(form), files);
            redirect.addFlashAttribute(
                    "notice",
                    "Your report was sent to the police"
                            + (files.isEmpty()
                                    ? "."
                                    : files.size() == 1 ? " with 1 file." : " with " + files.size() + " files."));
            return "redirect:/reports/" + report.id();
        } catch (InvalidInput invalid) {
            // Kept as typed, so a refused file or a mistake loses nothing.
            save(viewer, form);
            model.addAttribute("problems", ReportFormReading.problems(invalid, form));
            return show(viewer, form, model);
        }
    }

    /** The autosave: htmx sends the form as it is typed; the answer says when it was saved, and where that is. */
    @PostMapping("/reports/new/draft")
    String autosave(Viewer viewer, @RequestParam MultiValueMap<String, String> params, Model model) {
        requireMember(viewer);
        ReportForm form = ReportForm.from(params);
        SavedDraft saved = save(viewer, form);
        model.addAttribute("savedAt", clock(saved));
        model.addAttribute("borough", choices.borough(viewer, form));
        return "reports/form :: autosaved";
    }

    /** The form after a button that adds or removes a person or vehicle, or null for a submit. */
    private static @Nullable ReportForm changed(ReportForm form, String action) {
        if (action.equals("add-person")) {
            return form.withPerson();
        }
        if (action.equals("add-vehicle")) {
            return form.withVehicle();
        }
        if (action.startsWith("remove-person-")) {
            return form.withoutPerson(index(action));
        }
        if (action.startsWith("remove-vehicle-")) {
            return form.withoutVehicle(index(action));
        }
        return null;
    }

    private static int index(String action) {
        try {
            return Integer.parseInt(action.substring(action.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String show(Viewer viewer, ReportForm form, Model model) {
        model.addAttribute("form", form);
        choices.addTo(viewer, form, model);
        return "reports/form";
    }

    private SavedDraft save(Viewer viewer, ReportForm form) {
        return drafts.save(viewer, json.valueToTree(form));
    }

    /** A saved draft as the form; one that no longer reads (an older shape) starts afresh. */
    private ReportForm restored(SavedDraft draft) {
        try {
            return json.treeToValue(draft.content(), ReportForm.class);
        } catch (RuntimeException unreadable) {
            return ReportForm.empty();
        }
    }

    private static String clock(SavedDraft draft) {
        return LocalTime.ofInstant(draft.updatedAt(), ReportFormReading.LONDON).format(CLOCK);
    }

    private static void requireMember(Viewer viewer) {
        if (!viewer.vettedMember()) {
            throw new NotAllowed("Only members of vetted organisations report incidents.");
        }
    }
}

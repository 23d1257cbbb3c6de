package org.cascadehub.alerts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.AlertPolicy;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.AlertTemplates;
import org.cascadehub.alerts.AlertTemplates.Template;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing an alert: a new one (optionally from a template), changing a draft or rejected one, and
 * starting an update of a published one. One form, four buttons: check who it will reach, save a
 * draft, submit for approval, publish. Nothing is saved while anything on the form is wrong.
 */
@Controller
class AlertFormPages implements AlertPage {

    private final Alerts alerts;
    private final AlertAuthoring authoring;
    private final AlertChoices choices;
    private final AlertSaving saving;
    private final ReachView reach;

    AlertFormPages(Alerts alerts, AlertAuthoring authoring, AlertChoices choices, AlertSaving saving, ReachView reach) {
        this.alerts = alerts;
        this.authoring = authoring;
        this.choices = choices;
        this.saving = saving;
        this.reach = reach;
    }

    @GetMapping("/alerts/new")
    String add(Viewer viewer, @RequestParam(required = false) @Nullable String template, Model model) {
        requireAuthor(viewer);
        Optional<Template> chosen = template == null ? Optional.empty() : AlertTemplates.find(template);
        model.addAttribute("template", chosen.orElse(null));
        return form(
                model,
                FormMode.adding(),
                chosen.map(t -> AlertForm.of(t.draft())).orElse(AlertForm.empty()));
    }

    @PostMapping("/alerts/new")
    String create(
            Viewer viewer,
            @ModelAttribute("form") AlertForm form,
            @RequestParam(defaultValue = "draft") String action,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireAuthor(viewer);
        return handle(viewer, FormMode.adding(), form, action, htmx != null, response, model, redirect);
    }

    @GetMapping("/alerts/{id}/edit")
    String edit(Viewer viewer, @PathVariable long id, Model model) {
        Alert alert = editable(viewer, id);
        if (!alert.status().editable()) {
            return "redirect:/alerts/" + id;
        }
        return form(model, FormMode.editing(alert), AlertForm.of(alert.content(), AlertTimes.LONDON, choices));
    }

    @PostMapping("/alerts/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable long id,
            @ModelAttribute("form") AlertForm form,
            @RequestParam(defaultValue = "draft") String action,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Alert alert = editable(viewer, id);
        return handle(viewer, FormMode.editing(alert), form, action, htmx != null, response, model, redirect);
    }

    @GetMapping("/alerts/{id}/update")
    String update(Viewer viewer, @PathVariable long id, Model model) {
        Alert alert = revisable(viewer, id);
        if (alert.status() != AlertStatus.PUBLISHED) {
            return "redirect:/alerts/" + id;
        }
        return form(model, FormMode.updating(alert), AlertForm.of(alert.content(), AlertTimes.LONDON, choices));
    }

    @PostMapping("/alerts/{id}/update")
    String saveUpdate(
            Viewer viewer,
            @PathVariable long id,
            @ModelAttribute("form") AlertForm form,
            @RequestParam(defaultValue = "draft") String action,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Alert alert = revisable(viewer, id);
        return handle(viewer, FormMode.updating(alert), form, action, htmx != null, response, model, redirect);
    }

    private String handle(
            Viewer viewer,
            FormMode mode,
            AlertForm form,
            String action,
            boolean htmx,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        AlertDraft draft;
        try {
            draft = saving.checked(viewer, form);
            if (action.equals("preview")) {
                model.addAttribute("reach", reach.of(authoring.preview(viewer, draft)));
                model.addAttribute("needsApproval", authoring.needsApproval(viewer, draft));
                return form(model, mode, form);
            }
            AlertSaving.Saved saved = saving.save(viewer, mode, draft, action);
            redirect.addFlashAttribute("notice", saved.notice());
            return "redirect:/alerts/" + saved.alert().id();
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, AlertFormFields.ANCHORS));
            if (htmx) {
                // The preview asked only for the reach; a problem shows the whole form with its messages.
                response.setHeader("HX-Retarget", "#main-content");
                response.setHeader("HX-Reselect", "#main-content");
                response.setHeader("HX-Reswap", "outerHTML");
            }
            return form(model, mode, form);
        }
    }

    private String form(Model model, FormMode mode, AlertForm form) {
        model.addAttribute("mode", mode);
        model.addAttribute("form", form);
        model.addAttribute("templates", AlertTemplates.all());
        choices.addTo(model, form);
        return "alerts/form";
    }

    private Alert editable(Viewer viewer, long id) {
        Alert alert = alerts.read(viewer, new AlertId(id));
        if (!AlertPolicy.canEdit(viewer, alert)) {
            throw new NotAllowed("Only the alert's author or an administrator can change it.");
        }
        return alert;
    }

    private Alert revisable(Viewer viewer, long id) {
        Alert alert = alerts.read(viewer, new AlertId(id));
        if (!AlertPolicy.canRevise(viewer, alert)) {
            throw new NotAllowed("Only police coordinators and administrators can update alerts.");
        }
        return alert;
    }

    private static void requireAuthor(Viewer viewer) {
        if (!AlertPolicy.canAuthor(viewer)) {
            throw new NotAllowed("Only police coordinators and hub administrators write alerts.");
        }
    }
}

package org.cascadehub.alerts.web;

import java.util.function.Supplier;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.alerts.Forwarding;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Conflict;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons on an alert's page, each a plain form post: approve, reject with a reason, submit,
 * publish, cancel with a reason, forward with a note, acknowledge. The services decide who may; a
 * step the alert's state no longer allows (someone else was quicker) is explained on its page.
 */
@Controller
class AlertActions implements AlertPage {

    private final AlertViews views;
    private final AlertAuthoring authoring;
    private final Forwarding forwarding;
    private final Acknowledgements acknowledgements;

    AlertActions(AlertViews views, AlertAuthoring authoring, Forwarding forwarding, Acknowledgements acknowledgements) {
        this.views = views;
        this.authoring = authoring;
        this.forwarding = forwarding;
        this.acknowledgements = acknowledgements;
    }

    @PostMapping("/alerts/{id}/approve")
    String approve(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Alert published = authoring.approve(viewer, new AlertId(id));
            return new Done(id, "The alert is approved and published to " + people(published) + ".");
        });
    }

    @PostMapping("/alerts/{id}/reject")
    String reject(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            return act(id, redirect, () -> {
                authoring.reject(viewer, new AlertId(id), reason);
                return new Done(id, "The alert is sent back to its author with your reason.");
            });
        } catch (InvalidInput invalid) {
            return again(viewer, id, invalid, "reason", reason, model);
        }
    }

    @PostMapping("/alerts/{id}/submit")
    String submit(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            authoring.submit(viewer, new AlertId(id));
            return new Done(id, "The alert is submitted for approval.");
        });
    }

    @PostMapping("/alerts/{id}/publish")
    String publish(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Alert published = authoring.publish(viewer, new AlertId(id));
            return new Done(id, "The alert is published to " + people(published) + ".");
        });
    }

    @PostMapping("/alerts/{id}/cancel")
    String cancel(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String cancelReason,
            Model model,
            RedirectAttributes redirect) {
        try {
            return act(id, redirect, () -> {
                authoring.cancel(viewer, new AlertId(id), cancelReason);
                return new Done(id, "The alert is cancelled: everyone it reached is told.");
            });
        } catch (InvalidInput invalid) {
            return again(viewer, id, invalid.renamed(f -> "cancelReason"), "cancelReason", cancelReason, model);
        }
    }

    @PostMapping("/alerts/{id}/forward")
    String forward(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            return act(id, redirect, () -> {
                Alert forward = forwarding.forward(viewer, new AlertId(id), note);
                return new Done(
                        forward.id().value(),
                        "The alert is forwarded to " + people(forward) + " in your sectors, with your note.");
            });
        } catch (InvalidInput invalid) {
            return again(viewer, id, invalid, "note", note, model);
        }
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            acknowledgements.acknowledge(viewer, new AlertId(id), "screen");
            return new Done(id, "You have acknowledged the alert.");
        });
    }

    /** Where a step leaves the author (an alert's page) and what to tell them there. */
    private record Done(long alertId, String notice) {}

    /**
     * Takes a step and goes to the page it leaves the author on. A conflict (the alert has moved
     * on) is told on the alert's page as a warning; refusals and problems are the caller's to show.
     */
    private static String act(long id, RedirectAttributes redirect, Supplier<Done> step) {
        try {
            Done done = step.get();
            redirect.addFlashAttribute("notice", done.notice());
            return "redirect:/alerts/" + done.alertId();
        } catch (Conflict conflict) {
            redirect.addFlashAttribute("warning", conflict.getMessage());
            return "redirect:/alerts/" + id;
        }
    }

    /** The alert's page again, with the problem beside the field and what was typed kept. */
    private String again(
            Viewer viewer, long id, InvalidInput invalid, String field, @Nullable String typed, Model model) {
        model.addAttribute("problems", FormProblems.of(invalid, field));
        model.addAttribute(field, typed);
        return views.page(viewer, views.read(viewer, id), model);
    }

    private static String people(Alert alert) {
        int count = alert.recipientCount() == null ? 0 : alert.recipientCount();
        return count == 1 ? "1 person" : count + " people";
    }
}

package org.cascadehub.directory.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.MembershipApplication;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Open membership applications, for administrators and sector leads to approve or reject. */
@Controller
class VettingPages implements DirectoryPage {

    private final MembershipApplications applications;
    private final Organisations organisations;
    private final SectorNames sectorNames;

    VettingPages(MembershipApplications applications, Organisations organisations, SectorNames sectorNames) {
        this.applications = applications;
        this.organisations = organisations;
        this.sectorNames = sectorNames;
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    /** An application with the organisation as applied. */
    record Pending(MembershipApplication application, Organisation organisation, List<String> sectors) {
        public String submitted() {
            return WHEN.format(application.submittedAt());
        }
    }

    @GetMapping("/vetting")
    String list(Viewer viewer, Model model) {
        return show(viewer, model, null, "");
    }

    @PostMapping("/vetting/{id}/approve")
    String approve(Viewer viewer, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        requireVetter(viewer);
        MembershipApplication application = applications.require(viewer, id);
        try {
            applications.approve(viewer, id);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, Map.of()));
            return show(viewer, model, null, "");
        }
        redirect.addFlashAttribute(
                "notice",
                application.organisationName() + " is approved. We have emailed " + application.applicantEmail() + ".");
        return "redirect:/vetting";
    }

    @PostMapping("/vetting/{id}/reject")
    String reject(
            Viewer viewer,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        requireVetter(viewer);
        MembershipApplication application = applications.require(viewer, id);
        try {
            applications.reject(viewer, id, reason);
        } catch (InvalidInput invalid) {
            // Each application has its own reason box; the summary links to this one.
            model.addAttribute("problems", FormProblems.of(invalid, Map.of("reason", "reason-" + id)));
            return show(viewer, model, id, reason);
        }
        redirect.addFlashAttribute(
                "notice",
                application.organisationName() + " is rejected. We have emailed " + application.applicantEmail()
                        + " the reason.");
        return "redirect:/vetting";
    }

    private String show(Viewer viewer, Model model, @Nullable UUID rejecting, String reason) {
        requireVetter(viewer);
        List<Pending> pending = applications.openFor(viewer).stream()
                .map(a -> {
                    Organisation organisation = organisations.require(viewer, a.organisationId());
                    return new Pending(a, organisation, sectorNames.of(organisation.sectors()));
                })
                .sorted(Comparator.comparing(p -> p.application().submittedAt()))
                .toList();
        model.addAttribute("pending", pending);
        model.addAttribute("rejecting", rejecting);
        model.addAttribute("reason", reason);
        return "directory/vetting";
    }

    private static void requireVetter(Viewer viewer) {
        if (!DirectoryPolicy.canVetAny(viewer)) {
            throw new NotAllowed("Only administrators and sector leads vet applications.");
        }
    }
}

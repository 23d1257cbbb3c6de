package org.cascadehub.directory.web;

import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public form to apply to join, and its confirmation. No sign-in needed. */
@Controller
class ApplyPage implements DirectoryPage {

    private final MembershipApplications applications;
    private final Sectors sectors;

    ApplyPage(MembershipApplications applications, Sectors sectors) {
        this.applications = applications;
        this.sectors = sectors;
    }

    @GetMapping("/apply")
    String form(Model model) {
        return show(model, ApplicationForm.empty());
    }

    @PostMapping("/apply")
    String apply(@ModelAttribute("form") ApplicationForm form, Model model, RedirectAttributes redirect) {
        try {
            applications.apply(form.application());
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, ApplicationForm.FIELDS));
            return show(model, form);
        }
        String name = form.organisationOrEmpty().name();
        redirect.addFlashAttribute("organisationName", name == null ? "" : name.strip());
        redirect.addFlashAttribute(
                "applicantEmail",
                form.applicantEmail() == null ? "" : form.applicantEmail().strip());
        return "redirect:/apply/received";
    }

    @GetMapping("/apply/received")
    String received() {
        return "directory/apply-received";
    }

    private String show(Model model, ApplicationForm form) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("kindEditable", true);
        model.addAttribute(
                "sectors", sectors.all().stream().filter(Sector::active).toList());
        return "directory/apply";
    }
}

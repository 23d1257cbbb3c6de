package org.cascadehub.directory.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sharing groups: every member may see them; administrators create them and choose their members. */
@Controller
class SharingGroupPages implements DirectoryPage {

    /** Enough for every organisation of a city's partnership on one form. */
    private static final int ALL = 10_000;

    private final SharingGroups sharingGroups;
    private final Organisations organisations;

    SharingGroupPages(SharingGroups sharingGroups, Organisations organisations) {
        this.sharingGroups = sharingGroups;
        this.organisations = organisations;
    }

    /** A group with the members the viewer may see, and how many others it has. */
    record Row(SharingGroup group, List<Organisation> members) {
        public int unseen() {
            return group.members().size() - members.size();
        }
    }

    @GetMapping("/directory/sharing-groups")
    String list(Viewer viewer, Model model) {
        List<Organisation> visible = visibleOrganisations(viewer);
        model.addAttribute(
                "groups",
                sharingGroups.all().stream()
                        .map(g -> new Row(
                                g,
                                visible.stream()
                                        .filter(o -> g.members().contains(o.id()))
                                        .toList()))
                        .toList());
        model.addAttribute("canAdminister", DirectoryPolicy.canAdminister(viewer));
        return "directory/sharing-groups";
    }

    @GetMapping("/directory/sharing-groups/new")
    String add(Viewer viewer, Model model) {
        requireAdministrator(viewer);
        return form(viewer, model, null, SharingGroupForm.empty());
    }

    @PostMapping("/directory/sharing-groups/new")
    String create(
            Viewer viewer, @ModelAttribute("form") SharingGroupForm form, Model model, RedirectAttributes redirect) {
        requireAdministrator(viewer);
        try {
            sharingGroups.create(viewer, text(form.name()), form.description(), form.organisations());
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, SharingGroupForm.FIELDS));
            return form(viewer, model, null, form);
        }
        redirect.addFlashAttribute(
                "notice", "The sharing group " + text(form.name()).strip() + " is created.");
        return "redirect:/directory/sharing-groups";
    }

    @GetMapping("/directory/sharing-groups/{id}/edit")
    String edit(Viewer viewer, @PathVariable UUID id, Model model) {
        requireAdministrator(viewer);
        SharingGroup group = require(id);
        return form(viewer, model, group, SharingGroupForm.of(group));
    }

    @PostMapping("/directory/sharing-groups/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") SharingGroupForm form,
            Model model,
            RedirectAttributes redirect) {
        requireAdministrator(viewer);
        SharingGroup group = require(id);
        try {
            sharingGroups.update(viewer, group.id(), text(form.name()), form.description(), form.organisations());
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, SharingGroupForm.FIELDS));
            return form(viewer, model, group, form);
        }
        redirect.addFlashAttribute(
                "notice", "The sharing group " + text(form.name()).strip() + " is saved.");
        return "redirect:/directory/sharing-groups";
    }

    private String form(Viewer viewer, Model model, @Nullable SharingGroup group, SharingGroupForm form) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        // Members are vetted organisations; one that has since been suspended stays listed, ticked.
        model.addAttribute(
                "organisations",
                visibleOrganisations(viewer).stream()
                        .filter(o -> o.status() == OrganisationStatus.VETTED || form.hasMember(o.id()))
                        .toList());
        return "directory/sharing-group-form";
    }

    private SharingGroup require(UUID id) {
        return sharingGroups
                .find(new SharingGroupId(id))
                .orElseThrow(() -> new NotFound("There is no sharing group " + id + "."));
    }

    private List<Organisation> visibleOrganisations(Viewer viewer) {
        return organisations
                .search(viewer, new Organisations.Filter(null, null, null, null, null), 1, ALL)
                .items()
                .stream()
                .sorted(Comparator.comparing(o -> o.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator can change sharing groups.");
        }
    }
}

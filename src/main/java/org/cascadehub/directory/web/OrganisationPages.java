package org.cascadehub.directory.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroup;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One organisation: its details, people and sites on a map; editing, suspending and reinstating it. */
@Controller
class OrganisationPages implements DirectoryPage {

    private final Organisations organisations;
    private final People people;
    private final Sites sites;
    private final SharingGroups sharingGroups;
    private final Boroughs boroughs;
    private final SectorNames sectorNames;
    private final Maps maps;

    OrganisationPages(
            Organisations organisations,
            People people,
            Sites sites,
            SharingGroups sharingGroups,
            Boroughs boroughs,
            SectorNames sectorNames,
            Maps maps) {
        this.organisations = organisations;
        this.people = people;
        this.sites = sites;
        this.sharingGroups = sharingGroups;
        this.boroughs = boroughs;
        this.sectorNames = sectorNames;
        this.maps = maps;
    }

    /** A site with the name of the borough it is in. */
    record SiteRow(Site site, String borough) {}

    /** A person with their roles in a steady order, and whether the viewer may change them. */
    record PersonRow(Person person, List<String> roles, boolean manageable) {}

    @GetMapping("/directory/organisations/{id}")
    String show(Viewer viewer, @PathVariable UUID id, Model model) {
        return page(viewer, organisations.require(viewer, new OrganisationId(id)), model, "");
    }

    @PostMapping("/directory/organisations/{id}/suspend")
    String suspend(
            Viewer viewer,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = organisations.require(viewer, new OrganisationId(id));
        try {
            organisations.setSuspended(viewer, organisation.id(), true, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, "reason"));
            return page(viewer, organisation, model, reason);
        }
        redirect.addFlashAttribute("notice", organisation.name() + " is suspended. Its people can no longer sign in.");
        return "redirect:/directory/organisations/" + id;
    }

    @PostMapping("/directory/organisations/{id}/reinstate")
    String reinstate(Viewer viewer, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        Organisation organisation = organisations.require(viewer, new OrganisationId(id));
        try {
            organisations.setSuspended(viewer, organisation.id(), false, null);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, Map.of()));
            return page(viewer, organisation, model, "");
        }
        redirect.addFlashAttribute("notice", organisation.name() + " is reinstated.");
        return "redirect:/directory/organisations/" + id;
    }

    @GetMapping("/directory/organisations/{id}/edit")
    String edit(Viewer viewer, @PathVariable UUID id, Model model) {
        Organisation organisation = manageable(viewer, id);
        return form(viewer, model, organisation, OrganisationForm.of(organisation));
    }

    @PostMapping("/directory/organisations/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") OrganisationForm form,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = manageable(viewer, id);
        try {
            // The kind is not on the form for those who may not change it; a kind that is sent is
            // still passed on, so the service refuses a change it does not allow.
            OrganisationForm sent = form.kind() == null ? form.withKind(organisation.kind()) : form;
            organisations.update(viewer, organisation.id(), sent.details());
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, OrganisationForm.FIELDS));
            return form(viewer, model, organisation, form);
        }
        redirect.addFlashAttribute("notice", "The organisation's details are saved.");
        return "redirect:/directory/organisations/" + id;
    }

    private String page(Viewer viewer, Organisation organisation, Model model, String suspendReason) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("sectors", sectorNames.of(organisation.sectors()));
        model.addAttribute(
                "people",
                people.inOrganisation(viewer, organisation).stream()
                        .map(p -> new PersonRow(
                                p,
                                p.roles().stream().sorted().map(Role::label).toList(),
                                DirectoryPolicy.canManagePerson(viewer, organisation.id(), p.roles())))
                        .toList());
        model.addAttribute(
                "sites",
                sites.ofOrganisation(organisation.id()).stream()
                        .map(s -> new SiteRow(
                                s,
                                boroughs.find(s.boroughCode())
                                        .map(b -> b.name())
                                        .orElse(s.boroughCode())))
                        .toList());
        model.addAttribute(
                "sharingGroups",
                sharingGroups.of(organisation.id()).stream()
                        .map(SharingGroup::name)
                        .toList());
        model.addAttribute("canManage", DirectoryPolicy.canManage(viewer, organisation.id()));
        model.addAttribute("canAdminister", DirectoryPolicy.canAdminister(viewer));
        model.addAttribute("suspendReason", suspendReason);
        maps.addTo(model);
        return "directory/organisation";
    }

    private String form(Viewer viewer, Model model, Organisation organisation, OrganisationForm form) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("kindEditable", DirectoryPolicy.canChangeKind(viewer));
        model.addAttribute("form", form);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("sectors", sectorNames.active());
        return "directory/organisation-edit";
    }

    /** The organisation, if the viewer may see it (else 404) and manage it (else 403). */
    private Organisation manageable(Viewer viewer, UUID id) {
        Organisation organisation = organisations.require(viewer, new OrganisationId(id));
        if (!DirectoryPolicy.canManage(viewer, organisation.id())) {
            throw new NotAllowed("Only the organisation's security manager or a hub administrator can change it.");
        }
        return organisation;
    }
}

package org.cascadehub.directory.web;

import java.util.UUID;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.SiteId;
import org.cascadehub.directory.Sites;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding, moving and removing an organisation's sites. Latitude and longitude are plain inputs, so
 * the form works without JavaScript; with it, clicking the map fills them in.
 */
@Controller
class SitePages implements DirectoryPage {

    private final Organisations organisations;
    private final Sites sites;
    private final Boroughs boroughs;
    private final Maps maps;

    SitePages(Organisations organisations, Sites sites, Boroughs boroughs, Maps maps) {
        this.organisations = organisations;
        this.sites = sites;
        this.boroughs = boroughs;
        this.maps = maps;
    }

    @GetMapping("/directory/organisations/{id}/sites/new")
    String add(Viewer viewer, @PathVariable UUID id, Model model) {
        return form(model, manageable(viewer, new OrganisationId(id)), null, SiteForm.empty());
    }

    @PostMapping("/directory/organisations/{id}/sites/new")
    String create(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") SiteForm form,
            Model model,
            RedirectAttributes redirect) {
        Organisation organisation = manageable(viewer, new OrganisationId(id));
        Site added;
        try {
            added = sites.add(viewer, organisation.id(), checked(form));
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, SiteForm.ANCHORS));
            return form(model, organisation, null, form);
        }
        redirect.addFlashAttribute("notice", saved(added));
        return "redirect:/directory/organisations/" + id;
    }

    @GetMapping("/directory/sites/{id}/edit")
    String edit(Viewer viewer, @PathVariable UUID id, Model model) {
        Site site = sites.require(viewer, new SiteId(id));
        return form(model, manageable(viewer, site.organisationId()), site, SiteForm.of(site));
    }

    @PostMapping("/directory/sites/{id}/edit")
    String save(
            Viewer viewer,
            @PathVariable UUID id,
            @ModelAttribute("form") SiteForm form,
            Model model,
            RedirectAttributes redirect) {
        Site site = sites.require(viewer, new SiteId(id));
        Organisation organisation = manageable(viewer, site.organisationId());
        Site updated;
        try {
            updated = sites.update(viewer, site.id(), checked(form));
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, SiteForm.ANCHORS));
            return form(model, organisation, site, form);
        }
        redirect.addFlashAttribute("notice", saved(updated));
        return "redirect:/directory/organisations/" + organisation.id();
    }

    @PostMapping("/directory/sites/{id}/remove")
    String remove(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
        Site site = sites.require(viewer, new SiteId(id));
        Organisation organisation = manageable(viewer, site.organisationId());
        sites.remove(viewer, site.id());
        redirect.addFlashAttribute("notice", site.name() + " is removed.");
        return "redirect:/directory/organisations/" + organisation.id();
    }

    /**
     * The details to save. Coordinates that are not numbers are reported together with whatever
     * else is wrong, but not also as a missing location.
     */
    private SiteDetails checked(SiteForm form) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        SiteDetails details = form.details(problems);
        if (!problems.isEmpty()) {
            try {
                sites.validate(details);
            } catch (InvalidInput invalid) {
                invalid.problems().stream()
                        .filter(p -> !p.field().equals("location"))
                        .forEach(p -> problems.add(p.field(), p.message()));
            }
            problems.throwIfAny();
        }
        return details;
    }

    private String saved(Site site) {
        String borough = boroughs.find(site.boroughCode()).map(Borough::name).orElse(site.boroughCode());
        return site.name() + " is saved. It is in " + borough + ".";
    }

    private String form(Model model, Organisation organisation, @Nullable Site site, SiteForm form) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("site", site);
        model.addAttribute("form", form);
        model.addAttribute(
                "borough",
                site == null
                        ? null
                        : boroughs.find(site.boroughCode()).map(Borough::name).orElse(null));
        maps.addTo(model);
        return "directory/site-form";
    }

    /** The organisation, if the viewer may see it (else 404) and manage it (else 403). */
    private Organisation manageable(Viewer viewer, OrganisationId id) {
        Organisation organisation = organisations.require(viewer, id);
        if (!DirectoryPolicy.canManage(viewer, organisation.id())) {
            throw new NotAllowed(
                    "Only the organisation's security manager or a hub administrator can change its sites.");
        }
        return organisation;
    }
}

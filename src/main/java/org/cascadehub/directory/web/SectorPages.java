package org.cascadehub.directory.web;

import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.FormProblems;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of sectors; administrators add, rename and take them out of use. */
@Controller
class SectorPages implements DirectoryPage {

    private final Sectors sectors;

    SectorPages(Sectors sectors) {
        this.sectors = sectors;
    }

    @GetMapping("/directory/sectors")
    String list(Viewer viewer, Model model) {
        return list(viewer, model, "");
    }

    @PostMapping("/directory/sectors")
    String add(Viewer viewer, @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        requireAdministrator(viewer);
        Sector added;
        try {
            added = sectors.add(name);
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, "name"));
            return list(viewer, model, name);
        }
        redirect.addFlashAttribute("notice", "The sector " + added.name() + " is added.");
        return "redirect:/directory/sectors";
    }

    @GetMapping("/directory/sectors/{code}/edit")
    String edit(Viewer viewer, @PathVariable String code, Model model) {
        requireAdministrator(viewer);
        Sector sector = require(code);
        return form(model, sector, SectorForm.of(sector));
    }

    @PostMapping("/directory/sectors/{code}/edit")
    String save(
            Viewer viewer,
            @PathVariable String code,
            @ModelAttribute("form") SectorForm form,
            Model model,
            RedirectAttributes redirect) {
        requireAdministrator(viewer);
        Sector sector = require(code);
        Sector saved;
        try {
            saved = sectors.update(
                    sector.code(), form.name() == null ? "" : form.name(), Boolean.TRUE.equals(form.active()));
        } catch (InvalidInput invalid) {
            model.addAttribute("problems", FormProblems.of(invalid, "name", "active"));
            return form(model, sector, form);
        }
        redirect.addFlashAttribute(
                "notice",
                "The sector " + saved.name() + " is saved" + (saved.active() ? "." : ". It is no longer offered."));
        return "redirect:/directory/sectors";
    }

    private String list(Viewer viewer, Model model, String typed) {
        model.addAttribute("sectors", sectors.all());
        model.addAttribute("canAdminister", DirectoryPolicy.canAdminister(viewer));
        model.addAttribute("name", typed);
        return "directory/sectors";
    }

    private String form(Model model, Sector sector, SectorForm form) {
        model.addAttribute("sector", sector);
        model.addAttribute("form", form);
        return "directory/sector-form";
    }

    private Sector require(String code) {
        return sectors.all().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no sector " + code + "."));
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator can change the list of sectors.");
        }
    }
}

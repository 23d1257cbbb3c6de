package org.cascadehub.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.Organisation;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.Pagination;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the directory: organisations by name, kind, sector, borough and status; people by name or email. */
@Controller
class DirectoryPages implements DirectoryPage {

    private final Organisations organisations;
    private final People people;
    private final Boroughs boroughs;
    private final SectorNames sectorNames;
    private final int pageSize;

    DirectoryPages(
            Organisations organisations,
            People people,
            Boroughs boroughs,
            SectorNames sectorNames,
            @Value("${cascade.directory.page-size:25}") int pageSize) {
        this.organisations = organisations;
        this.people = people;
        this.boroughs = boroughs;
        this.sectorNames = sectorNames;
        this.pageSize = pageSize;
    }

    /** One organisation in the results, with its sectors' names. */
    record Row(Organisation organisation, List<String> sectors) {}

    /** The search as asked, echoed back into the form. */
    record Search(String name, String kind, String sector, String borough, String status) {}

    @GetMapping("/directory")
    String organisations(
            Viewer viewer,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String sector,
            @RequestParam(defaultValue = "") String borough,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            Model model) {
        boolean vetter = DirectoryPolicy.canVetAny(viewer);
        Organisations.Filter filter = new Organisations.Filter(
                name, OrganisationForm.kindOf(kind), sector, borough, vetter ? statusOf(status) : null);
        Page<Organisation> results = organisations.search(viewer, filter, Pagination.number(page), pageSize);
        // A page past the last (typed, or left behind by a narrower search) shows the last one.
        if (results.page() > results.pages()) {
            results = organisations.search(viewer, filter, results.pages(), pageSize);
        }
        model.addAttribute("search", new Search(name, kind, sector, borough, status));
        model.addAttribute("results", results);
        model.addAttribute(
                "rows",
                results.items().stream()
                        .map(o -> new Row(o, sectorNames.of(o.sectors())))
                        .toList());
        model.addAttribute("pagination", Pagination.of(results, request));
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("sectors", sectorNames.all());
        model.addAttribute("boroughs", boroughs.all());
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("showStatus", vetter);
        model.addAttribute("ownOrganisation", viewer.organisationId());
        model.addAttribute("canImport", DirectoryPolicy.canImport(viewer));
        model.addAttribute("canAdminister", DirectoryPolicy.canAdminister(viewer));
        return "directory/organisations";
    }

    @GetMapping("/directory/people")
    String people(
            Viewer viewer,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String page,
            HttpServletRequest request,
            Model model) {
        Page<Person> results = people.search(viewer, q, Pagination.number(page), pageSize);
        if (results.page() > results.pages()) {
            results = people.search(viewer, q, results.pages(), pageSize);
        }
        model.addAttribute("q", q);
        model.addAttribute("results", results);
        model.addAttribute("pagination", Pagination.of(results, request));
        return "directory/people";
    }

    private static @Nullable OrganisationStatus statusOf(String status) {
        return Arrays.stream(OrganisationStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
    }
}

package org.cascadehub.reports.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.InvolvedPerson;
import org.cascadehub.reports.ReportType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the report form offers: the types, the TLP labels with their meaning, the reporter's
 * organisation's sites and sharing groups, the roles of people involved; and the borough the chosen
 * place lies in, once it is known.
 */
@Component
class ReportFormChoices {

    private final Sites sites;
    private final SharingGroups sharingGroups;
    private final Boroughs boroughs;

    ReportFormChoices(Sites sites, SharingGroups sharingGroups, Boroughs boroughs) {
        this.sites = sites;
        this.sharingGroups = sharingGroups;
        this.boroughs = boroughs;
    }

    void addTo(Viewer viewer, ReportForm form, Model model) {
        model.addAttribute("types", ReportType.values());
        model.addAttribute("tlps", ReportTlpLabel.ALL);
        model.addAttribute("sites", sites.ofOrganisation(viewer.organisationId()));
        model.addAttribute("sharingGroups", sharingGroups.of(viewer.organisationId()));
        model.addAttribute(
                "roles",
                Arrays.stream(InvolvedPerson.Role.values()).map(Enum::name).toList());
        model.addAttribute("sexes", List.of("FEMALE", "MALE", "UNKNOWN"));
        model.addAttribute("borough", borough(viewer, form));
        model.addAttribute("boroughAttribution", boroughs.attribution());
    }

    /** The borough's name: of the chosen site, or of the typed point; null while neither is known or the point is outside. */
    @Nullable
    String borough(Viewer viewer, ReportForm form) {
        if ("site".equals(form.placeChosen())) {
            return sites.ofOrganisation(viewer.organisationId()).stream()
                    .filter(s -> s.id().toString().equals(form.site()))
                    .findFirst()
                    .flatMap(this::boroughOf)
                    .map(Borough::name)
                    .orElse(null);
        }
        try {
            if (form.lat() == null || form.lon() == null) {
                return null;
            }
            return boroughs.containing(
                            Double.parseDouble(form.lat().strip()),
                            Double.parseDouble(form.lon().strip()))
                    .map(Borough::name)
                    .orElse(null);
        } catch (NumberFormatException notYet) {
            return null;
        }
    }

    private Optional<Borough> boroughOf(Site site) {
        return boroughs.find(site.boroughCode());
    }
}

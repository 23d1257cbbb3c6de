package org.cascadehub.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a checked import file will create. Sites and people name their organisation by a key
 * (its name, ignoring case): either one of {@link #organisations} or one of {@link #existing}.
 */
record ImportPlan(
        List<NewOrganisation> organisations,
        List<NewSite> sites,
        List<NewPerson> people,
        Map<String, OrganisationId> existing) {

    ImportPlan {
        organisations = List.copyOf(organisations);
        sites = List.copyOf(sites);
        people = List.copyOf(people);
        existing = Map.copyOf(existing);
    }

    record NewOrganisation(int line, String key, OrganisationDetails details) {}

    record NewSite(int line, String organisation, SiteDetails details) {}

    record NewPerson(int line, String organisation, PersonDetails details) {}

    /** How an organisation's name is matched: as the directory's unique index does, ignoring case. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    ImportReport report(boolean imported) {
        return new ImportReport(organisations.size(), sites.size(), people.size(), imported);
    }
}

package org.cascadehub.directory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A bulk load's rows, checked as the services check them and laid out in their tables' columns.
 * Problems are collected with the row named ({@code people[12].email}), all of them at once.
 */
final class BulkRows {

    static final List<String> ORGANISATION_COLUMNS = List.of(
            "id",
            "name",
            "kind",
            "status",
            "contact_email",
            "contact_phone",
            "website",
            "address",
            "status_changed_at");

    static final List<String> PERSON_COLUMNS = List.of(
            "id",
            "organisation_id",
            "display_name",
            "email",
            "phone",
            "sia_licence",
            "notify_email",
            "notify_sms",
            "status");

    static final List<String> SITE_COLUMNS =
            List.of("id", "organisation_id", "name", "address", "latitude", "longitude", "borough_code");

    private final Boroughs boroughs;
    private final Set<String> sectorCodes;
    private final Timestamp now;

    BulkRows(Boroughs boroughs, Set<String> sectorCodes, Timestamp now) {
        this.boroughs = boroughs;
        this.sectorCodes = sectorCodes;
        this.now = now;
    }

    List<@Nullable Object[]> organisations(List<NewOrganisation> organisations, InvalidInput.Collector problems) {
        List<@Nullable Object[]> rows = new ArrayList<>(organisations.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < organisations.size(); i++) {
            NewOrganisation organisation = organisations.get(i);
            OrganisationDetails details = organisation.details();
            String at = "organisations[" + i + "].";
            String name = problems.attempt(() -> ContactRules.required(at + "name", details.name(), "A name", 200));
            if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(at + "name", "Another organisation in this load is called " + name);
            }
            if (details.kind() == null) {
                problems.add(at + "kind", "Choose what kind of organisation it is");
            }
            details.sectors().stream()
                    .filter(code -> !sectorCodes.contains(code))
                    .forEach(code -> problems.add(at + "sectors", "'" + code + "' is not an active sector code"));
            String email = details.contactEmail() == null
                    ? null
                    : problems.attempt(() -> ContactRules.email(at + "contactEmail", details.contactEmail()));
            String phone = problems.attempt(() -> ContactRules.phone(at + "contactPhone", details.contactPhone())
                    .orElse(null));
            rows.add(new Object[] {
                organisation.id().value(),
                name,
                details.kind() == null ? null : details.kind().name(),
                organisation.status().name(),
                email,
                phone,
                details.website(),
                details.address(),
                now
            });
        }
        return rows;
    }

    List<@Nullable Object[]> people(List<NewPerson> people, InvalidInput.Collector problems) {
        List<@Nullable Object[]> rows = new ArrayList<>(people.size());
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            NewPerson person = people.get(i);
            PersonDetails details = person.details();
            String at = "people[" + i + "].";
            String name =
                    problems.attempt(() -> ContactRules.required(at + "name", details.name(), "A full name", 200));
            String email = problems.attempt(() -> ContactRules.email(at + "email", details.email()));
            if (email != null && !emails.add(email.toLowerCase(Locale.ROOT))) {
                problems.add(at + "email", "Another person in this load uses " + email);
            }
            String phone = problems.attempt(
                    () -> ContactRules.phone(at + "phone", details.phone()).orElse(null));
            String sia = problems.attempt(() -> ContactRules.siaLicence(at + "siaLicence", details.siaLicence())
                    .orElse(null));
            if (details.roles().isEmpty()) {
                problems.add(at + "roles", "Choose at least one role");
            }
            if (details.roles().contains(Role.SECTOR_LEAD)
                    == details.leadSectors().isEmpty()) {
                problems.add(at + "leadSectors", "A sector lead, and only a sector lead, looks after sectors");
            }
            details.leadSectors().stream()
                    .filter(code -> !sectorCodes.contains(code))
                    .forEach(code -> problems.add(at + "leadSectors", "'" + code + "' is not an active sector code"));
            rows.add(new Object[] {
                person.id().value(),
                person.organisationId().value(),
                name,
                email,
                phone,
                sia,
                details.notifyEmail(),
                details.notifySms() && phone != null,
                person.status().name()
            });
        }
        return rows;
    }

    List<@Nullable Object[]> sites(List<NewSite> sites, InvalidInput.Collector problems) {
        List<@Nullable Object[]> rows = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            NewSite site = sites.get(i);
            SiteDetails details = site.details();
            String at = "sites[" + i + "].";
            String name = problems.attempt(() -> ContactRules.required(at + "name", details.name(), "A name", 200));
            String address =
                    problems.attempt(() -> ContactRules.required(at + "address", details.address(), "An address", 500));
            Borough borough = details.latitude() == null || details.longitude() == null
                    ? null
                    : boroughs.containing(details.latitude(), details.longitude())
                            .orElse(null);
            if (borough == null) {
                problems.add(
                        at + "location",
                        "The point " + details.latitude() + ", " + details.longitude() + " is outside every borough");
            }
            rows.add(new Object[] {
                site.id().value(),
                site.organisationId().value(),
                name,
                address,
                details.latitude(),
                details.longitude(),
                borough == null ? null : borough.code()
            });
        }
        return rows;
    }

    static List<@Nullable Object[]> organisationSectors(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewOrganisation organisation : load.organisations()) {
            new HashSet<>(organisation.details().sectors())
                    .forEach(code -> rows.add(new Object[] {organisation.id().value(), code}));
        }
        return rows;
    }

    static List<@Nullable Object[]> roles(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewPerson person : load.people()) {
            person.details()
                    .roles()
                    .forEach(role -> rows.add(new Object[] {person.id().value(), role.name()}));
        }
        return rows;
    }

    static List<@Nullable Object[]> leadSectors(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewPerson person : load.people()) {
            new HashSet<>(person.details().leadSectors())
                    .forEach(code -> rows.add(new Object[] {person.id().value(), code}));
        }
        return rows;
    }
}

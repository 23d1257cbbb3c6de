package org.cascadehub.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cascadehub.directory.BulkLoad.NewApplication;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSharingGroup;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.DirectoryEvents.DirectoryBulkLoaded;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a large directory fast, with multi-row inserts: for demo data and load benchmarks, not
 * for production imports. It checks each row's form (required fields, emails, phones, SIA numbers,
 * sectors, roles) and works out each site's borough from its point as {@link Sites} does; a
 * duplicate email or organisation name, or a reference to an organisation that does not exist,
 * fails the whole load. It bypasses the per-row path: no {@code OrganisationRegistered}, {@code
 * PersonJoined} or {@code SiteAdded} events, so no audit entry or invitation per row, only one
 * {@link DirectoryBulkLoaded} event for the load. Anything that keeps its own copy of the directory
 * must reload it on that event.
 */
@Service
public class DirectoryBulkLoader {

    private final MultiRowInsert insert;
    private final Boroughs boroughs;
    private final Sectors sectors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryBulkLoader(
            JdbcTemplate jdbc, Boroughs boroughs, Sectors sectors, ApplicationEventPublisher events, Clock clock) {
        this.insert = new MultiRowInsert(jdbc);
        this.boroughs = boroughs;
        this.sectors = sectors;
        this.events = events;
        this.clock = clock;
    }

    /** Checks everything, then writes it all in one transaction; answers what was written. */
    @Transactional
    public DirectoryBulkLoaded load(BulkLoad load) {
        Set<String> sectorCodes =
                sectors.all().stream().filter(Sector::active).map(Sector::code).collect(Collectors.toSet());
        InvalidInput.Collector problems = new InvalidInput.Collector();
        Timestamp now = Timestamp.from(clock.instant());
        List<@Nullable Object[]> organisations = organisations(load.organisations(), sectorCodes, now, problems);
        List<@Nullable Object[]> people = people(load.people(), sectorCodes, problems);
        List<@Nullable Object[]> sites = sites(load.sites(), problems);
        problems.throwIfAny();

        insert.into(
                "organisation",
                List.of(
                        "id",
                        "name",
                        "kind",
                        "status",
                        "contact_email",
                        "contact_phone",
                        "website",
                        "address",
                        "status_changed_at"),
                organisations);
        insert.into("organisation_sector", List.of("organisation_id", "sector_code"), organisationSectors(load));
        insert.into(
                "person",
                List.of(
                        "id",
                        "organisation_id",
                        "display_name",
                        "email",
                        "phone",
                        "sia_licence",
                        "notify_email",
                        "notify_sms",
                        "status"),
                people);
        insert.into("person_role", List.of("person_id", "role"), roles(load));
        insert.into("person_lead_sector", List.of("person_id", "sector_code"), leadSectors(load));
        insert.into(
                "site",
                List.of("id", "organisation_id", "name", "address", "latitude", "longitude", "borough_code"),
                sites);
        sharingGroups(load.sharingGroups());
        applications(load.applications());

        DirectoryBulkLoaded loaded = new DirectoryBulkLoaded(
                organisations.size(),
                people.size(),
                sites.size(),
                load.sharingGroups().size(),
                Actors.current());
        events.publishEvent(loaded);
        return loaded;
    }

    private static List<@Nullable Object[]> organisations(
            List<NewOrganisation> organisations,
            Set<String> sectorCodes,
            Timestamp now,
            InvalidInput.Collector problems) {
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

    private static List<@Nullable Object[]> people(
            List<NewPerson> people, Set<String> sectorCodes, InvalidInput.Collector problems) {
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

    private List<@Nullable Object[]> sites(List<NewSite> sites, InvalidInput.Collector problems) {
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

    private static List<@Nullable Object[]> organisationSectors(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewOrganisation organisation : load.organisations()) {
            new HashSet<>(organisation.details().sectors())
                    .forEach(code -> rows.add(new Object[] {organisation.id().value(), code}));
        }
        return rows;
    }

    private static List<@Nullable Object[]> roles(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewPerson person : load.people()) {
            person.details()
                    .roles()
                    .forEach(role -> rows.add(new Object[] {person.id().value(), role.name()}));
        }
        return rows;
    }

    private static List<@Nullable Object[]> leadSectors(BulkLoad load) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewPerson person : load.people()) {
            new HashSet<>(person.details().leadSectors())
                    .forEach(code -> rows.add(new Object[] {person.id().value(), code}));
        }
        return rows;
    }

    private void sharingGroups(List<NewSharingGroup> groups) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        List<@Nullable Object[]> members = new ArrayList<>();
        for (NewSharingGroup group : groups) {
            rows.add(new Object[] {
                group.id().value(), group.name().strip(), group.description().strip()
            });
            new LinkedHashSet<>(group.members())
                    .forEach(member -> members.add(new Object[] {group.id().value(), member.value()}));
        }
        insert.into("sharing_group", List.of("id", "name", "description"), rows);
        insert.into("sharing_group_member", List.of("sharing_group_id", "organisation_id"), members);
    }

    private void applications(List<NewApplication> applications) {
        List<@Nullable Object[]> rows = new ArrayList<>();
        for (NewApplication application : applications) {
            rows.add(new Object[] {
                application.id(),
                application.organisationId().value(),
                application.applicantId().value(),
                application.message().strip(),
                Timestamp.from(application.submittedAt())
            });
        }
        insert.into(
                "membership_application",
                List.of("id", "organisation_id", "applicant_person_id", "message", "submitted_at"),
                rows);
    }
}

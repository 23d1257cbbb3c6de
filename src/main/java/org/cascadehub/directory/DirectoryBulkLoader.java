package org.cascadehub.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cascadehub.directory.BulkLoad.NewApplication;
import org.cascadehub.directory.BulkLoad.NewSharingGroup;
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
        BulkRows rows = new BulkRows(boroughs, sectorCodes, Timestamp.from(clock.instant()));
        InvalidInput.Collector problems = new InvalidInput.Collector();
        List<@Nullable Object[]> organisations = rows.organisations(load.organisations(), problems);
        List<@Nullable Object[]> people = rows.people(load.people(), problems);
        List<@Nullable Object[]> sites = rows.sites(load.sites(), problems);
        problems.throwIfAny();

        insert.into("organisation", BulkRows.ORGANISATION_COLUMNS, organisations);
        insert.into(
                "organisation_sector", List.of("organisation_id", "sector_code"), BulkRows.organisationSectors(load));
        insert.into("person", BulkRows.PERSON_COLUMNS, people);
        insert.into("person_role", List.of("person_id", "role"), BulkRows.roles(load));
        insert.into("person_lead_sector", List.of("person_id", "sector_code"), BulkRows.leadSectors(load));
        insert.into("site", BulkRows.SITE_COLUMNS, sites);
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

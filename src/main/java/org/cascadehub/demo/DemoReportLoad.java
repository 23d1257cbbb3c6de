package org.cascadehub.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.demo.DemoReports.DemoReport;
import org.cascadehub.demo.DemoReports.Reporter;
import org.cascadehub.demo.DemoReports.Spot;
import org.cascadehub.demo.Descriptions.Involved;
import org.cascadehub.demo.Descriptions.Vehicle;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.SharingGroupId;
import org.cascadehub.reports.InvolvedPerson;
import org.cascadehub.reports.InvolvedVehicle;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportBulkLoader.BulkReport;
import org.cascadehub.reports.ReportBulkLoader.Message;
import org.cascadehub.reports.ReportBulkLoader.Step;
import org.cascadehub.reports.ReportId;
import org.cascadehub.reports.ReportStatus;
import org.cascadehub.reports.ReportType;
import org.jspecify.annotations.Nullable;

/**
 * The demo partnership as {@link DemoReports} needs it (who reports from which sites, who the
 * police are), and its made-up reports as the reports module's bulk loader writes them.
 */
final class DemoReportLoad {

    /** About a year of reports: enough for the statistics and the searches to look real. */
    static final int REPORTS = 500;

    /** A demo account already in the directory: its id, name, organisation and roles. */
    record Account(PersonId id, String name, OrganisationId organisation, java.util.Set<Role> roles) {}

    private final Map<OrganisationId, String> organisationNames = new HashMap<>();
    private final Map<PersonId, String> personNames = new HashMap<>();
    private final List<Reporter> reporters = new ArrayList<>();
    private final List<PersonId> police = new ArrayList<>();

    DemoReportLoad(
            BulkLoad partnership,
            Map<OrganisationId, OrganisationDetails> registered,
            List<Account> accounts,
            Boroughs boroughs) {
        Map<OrganisationId, OrganisationDetails> organisations = new LinkedHashMap<>(registered);
        partnership.organisations().stream()
                .filter(o -> o.status() == OrganisationStatus.VETTED)
                .forEach(o -> organisations.put(o.id(), o.details()));
        organisations.forEach((id, details) -> organisationNames.put(id, details.name()));
        Map<OrganisationId, List<PersonId>> staff = new HashMap<>();
        for (NewPerson person : partnership.people()) {
            if (person.status() == PersonStatus.ACTIVE) {
                add(
                        staff,
                        person.organisationId(),
                        person.id(),
                        person.details().name(),
                        person.details().roles());
            }
        }
        for (Account account : accounts) {
            add(staff, account.organisation(), account.id(), account.name(), account.roles());
        }
        Map<OrganisationId, List<Spot>> spots = new HashMap<>();
        for (BulkLoad.NewSite site : partnership.sites()) {
            double lat = site.details().latitude();
            double lon = site.details().longitude();
            boroughs.containing(lat, lon)
                    .ifPresent(borough -> spots.computeIfAbsent(site.organisationId(), o -> new ArrayList<>())
                            .add(new Spot(borough.code(), street(site.details().address()), lat, lon)));
        }
        Map<OrganisationId, List<SharingGroupId>> groups = new HashMap<>();
        partnership
                .sharingGroups()
                .forEach(g -> g.members()
                        .forEach(m -> groups.computeIfAbsent(m, o -> new ArrayList<>())
                                .add(g.id())));
        organisations.forEach((id, details) -> {
            if (details.kind() != OrganisationKind.POLICE_UNIT && details.kind() != OrganisationKind.HUB_OPERATOR) {
                reporters.add(new Reporter(
                        id,
                        details.sectors(),
                        spots.getOrDefault(id, List.of()),
                        staff.getOrDefault(id, List.of()),
                        groups.getOrDefault(id, List.of())));
            }
        });
    }

    private void add(
            Map<OrganisationId, List<PersonId>> staff,
            OrganisationId organisation,
            PersonId id,
            String name,
            java.util.Set<Role> roles) {
        personNames.put(id, name);
        if (roles.contains(Role.POLICE_COORDINATOR)) {
            police.add(id);
        }
        staff.computeIfAbsent(organisation, o -> new ArrayList<>()).add(id);
    }

    /** The made-up reports, ready for the bulk loader. */
    List<BulkReport> reports(long seed, Instant now) {
        return new DemoReports(seed, now, police)
                .make(reporters, REPORTS).stream().map(this::bulk).toList();
    }

    private BulkReport bulk(DemoReport r) {
        return new BulkReport(
                new ReportId(r.id()),
                r.reporter(),
                personNames.get(r.reporter()),
                r.organisation(),
                organisationNames.get(r.organisation()),
                ReportType.valueOf(r.type()),
                r.occurredAt(),
                new Report.Point(r.spot().latitude(), r.spot().longitude()),
                r.spot().borough(),
                r.description(),
                r.people().stream().map(DemoReportLoad::person).toList(),
                r.vehicles().stream().map(DemoReportLoad::vehicle).toList(),
                r.immediateDanger(),
                r.tlp(),
                r.sharedOrganisations(),
                r.sharedGroups(),
                r.sharedPeople(),
                r.submittedAt(),
                r.steps().stream()
                        .map(s -> new Step(
                                ReportStatus.valueOf(s.status()),
                                s.message(),
                                s.crimeReference(),
                                s.outcome(),
                                s.by(),
                                personNames.get(s.by()),
                                s.at()))
                        .toList(),
                r.messages().stream()
                        .map(m -> new Message(
                                m.by(), personNames.get(m.by()), r.organisation(), m.police(), m.text(), m.at()))
                        .toList(),
                r.related().stream().map(ReportId::new).toList());
    }

    private static InvolvedPerson person(Involved p) {
        return new InvolvedPerson(
                p.role(), p.sex(), p.ageRange(), p.height(), p.build(), p.hair(), p.clothing(), p.features());
    }

    private static InvolvedVehicle vehicle(Vehicle v) {
        String make = v.make() == null ? v.type() : v.make() + " (" + v.type() + ")";
        return new InvolvedVehicle(make, v.model(), v.colour(), v.registration(), v.direction());
    }

    /** "12 Strand, London WC2R 7JE" is on the Strand. */
    static String street(@Nullable String address) {
        if (address == null) {
            return "the street";
        }
        String first = address.split(",")[0].strip();
        return first.replaceFirst("^\\d+[A-Za-z]?\\s+", "");
    }
}

package org.cascadehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.demo.DemoAccounts.DemoAccount;
import org.cascadehub.demo.LondonStreets.Street;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The standard demo data, made up without a database. */
class LondonPartnershipTests {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private static Boroughs boroughs;
    private static Map<String, OrganisationId> registered;
    private static BulkLoad load;

    @BeforeAll
    static void make() {
        boroughs = Boroughs.fromGeoJson(new ClassPathResource("geo/london-boroughs.geojson"), "");
        registered = new HashMap<>();
        DemoAccounts.ALL.forEach(a -> registered.putIfAbsent(a.organisation(), OrganisationId.random()));
        load = build();
    }

    private static BulkLoad build() {
        LondonPartnership partnership = LondonPartnership.standard(boroughs, NOW);
        partnership.demoOrganisations();
        return partnership.build(registered);
    }

    @Test
    void everyListedStreetsPointIsInItsBorough() {
        List<Street> streets = LondonStreets.all();

        assertThat(streets).hasSizeGreaterThan(150);
        assertThat(streets)
                .allSatisfy(street -> assertThat(boroughs.containing(street.latitude(), street.longitude()))
                        .as(street.name() + ", " + street.borough())
                        .map(Borough::name)
                        .hasValue(street.borough()));
        assertThat(streets.stream().map(Street::borough).distinct()).hasSize(33);
    }

    @Test
    void theSameEveryTimeIdsIncluded() {
        assertThat(build()).isEqualTo(load);
    }

    @Test
    void aboutSixtyOrganisationsThreeHundredPeopleAndAHundredAndFiftySites() {
        assertThat(load.organisations().size() + registered.size()).isBetween(55, 70);
        assertThat(load.people().size() + DemoAccounts.ALL.size()).isBetween(280, 330);
        assertThat(load.sites()).hasSizeBetween(140, 160);
        assertThat(load.sharingGroups())
                .extracting(g -> g.name())
                .containsExactlyInAnyOrder("Westminster BCRP", "West End Night-time Economy");
    }

    @Test
    void theDemoAccountsOrganisationsGetPeopleAndSitesButAreNotAddedAgain() {
        Set<String> names =
                load.organisations().stream().map(o -> o.details().name()).collect(Collectors.toSet());
        assertThat(names).doesNotContainAnyElementsOf(registered.keySet());
        OrganisationId strand = registered.get("Strand Arcade Retail Ltd");
        assertThat(load.sites()).anyMatch(site -> site.organisationId().equals(strand));
        assertThat(load.people()).anyMatch(person -> person.organisationId().equals(strand));
        assertThat(load.people())
                .filteredOn(person -> person.organisationId().equals(strand))
                .allMatch(person -> person.details().roles().equals(Set.of(Role.MEMBER)));
        assertThat(load.sharingGroups().stream()
                        .filter(g -> g.name().equals("Westminster BCRP"))
                        .findFirst()
                        .orElseThrow()
                        .members())
                .contains(strand, registered.get("Westminster Business Crime Reduction Partnership"));
    }

    @Test
    void theMetropolitanPoliceHasBoroughUnitsAndTheCityItsOwnForce() {
        List<String> police = load.organisations().stream()
                .filter(o -> o.details().kind() == OrganisationKind.POLICE_UNIT)
                .map(o -> o.details().name())
                .toList();
        assertThat(police).contains("Metropolitan Police – Camden", "City of London Police");
        assertThat(police.stream().filter(n -> n.startsWith("Metropolitan Police – ")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(count(OrganisationKind.BUSINESS_CRIME_REDUCTION_PARTNERSHIP) + 1)
                .as("with the demo account's")
                .isEqualTo(2);
        assertThat(count(OrganisationKind.BUSINESS_IMPROVEMENT_DISTRICT)).isEqualTo(3);
        assertThat(count(OrganisationKind.SECURITY_SUPPLIER)).isGreaterThanOrEqualTo(6);
        assertThat(load.organisations())
                .anyMatch(o -> o.details().kind() == OrganisationKind.INFRASTRUCTURE_OPERATOR
                        && o.details().sectors().contains("transport"))
                .anyMatch(o -> o.details().kind() == OrganisationKind.INFRASTRUCTURE_OPERATOR
                        && o.details().sectors().contains("utilities"));
    }

    @Test
    void sitesAreInEveryBoroughAndEachAddressNamesAStreetOfTheBoroughItsPointIsIn() {
        Map<String, List<Street>> streets =
                LondonStreets.all().stream().collect(Collectors.groupingBy(Street::borough));
        Set<String> covered = new HashSet<>();
        for (NewSite site : load.sites()) {
            Borough borough = boroughs.containing(
                            site.details().latitude(), site.details().longitude())
                    .orElseThrow(() -> new AssertionError(site + " is outside London"));
            covered.add(borough.code());
            assertThat(streets.get(borough.name()))
                    .as(site.details().address() + " in " + borough.name())
                    .anyMatch(street -> site.details().address().contains(" " + street.name() + ", " + street.town()));
        }
        assertThat(covered).hasSize(33);
    }

    @Test
    void peopleHaveDemoEmailsDramaPhoneNumbersAndSomeSiaLicences() {
        List<NewPerson> people = load.people();
        Set<String> demoEmails =
                DemoAccounts.ALL.stream().map(DemoAccount::email).collect(Collectors.toSet());
        Set<String> demoNames = DemoAccounts.ALL.stream().map(DemoAccount::name).collect(Collectors.toSet());

        assertThat(people).allSatisfy(person -> {
            assertThat(person.details().email()).endsWith("@demo.test").doesNotContain(" ");
            assertThat(person.details().name()).matches("[A-Z][a-z]+ [A-Z][A-Za-z']+");
        });
        assertThat(people.stream().map(p -> p.details().email().toLowerCase()))
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(demoEmails);
        assertThat(people).noneMatch(p -> demoNames.contains(p.details().name()));
        assertThat(people.stream().map(p -> p.details().phone()).filter(Objects::nonNull))
                .hasSizeGreaterThan(200)
                .allMatch(phone -> phone.matches("\\+442079460\\d{3}|\\+447700900\\d{3}"));
        assertThat(people.stream().map(p -> p.details().siaLicence()).filter(Objects::nonNull))
                .hasSizeGreaterThan(50)
                .allMatch(sia -> sia.matches("\\d{16}"));
    }

    @Test
    void aFewSectorLeadsLookAfterOtherSectors() {
        Set<String> led = load.people().stream()
                .filter(p -> p.details().roles().contains(Role.SECTOR_LEAD))
                .flatMap(p -> p.details().leadSectors().stream())
                .collect(Collectors.toSet());

        assertThat(led).contains("hospitality", "night-time-economy", "transport", "finance", "utilities");
        assertThat(load.people())
                .filteredOn(p -> p.details().roles().contains(Role.POLICE_COORDINATOR))
                .hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void twoApplicationsWaitToBeVettedOneInRetailOneInFinance() {
        Map<OrganisationId, NewOrganisation> applied = load.organisations().stream()
                .filter(o -> o.status() == OrganisationStatus.APPLIED)
                .collect(Collectors.toMap(NewOrganisation::id, o -> o));

        assertThat(applied.values())
                .extracting(o -> o.details().sectors())
                .containsExactlyInAnyOrder(List.of("retail"), List.of("finance"));
        assertThat(load.applications()).hasSize(2).allSatisfy(application -> {
            assertThat(applied).containsKey(application.organisationId());
            assertThat(load.people())
                    .filteredOn(p -> p.id().equals(application.applicantId()))
                    .singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(PersonStatus.PENDING));
        });
        assertThat(load.sites()).noneMatch(site -> applied.containsKey(site.organisationId()));
    }

    @Test
    void idsAreVersionFourUuids() {
        assertThat(load.organisations())
                .extracting(o -> o.id().value())
                .allMatch(id -> id.version() == 4 && id.variant() == 2)
                .doesNotHaveDuplicates();
        assertThat(load.people().stream().map(p -> p.id().value()).map(UUID::version))
                .containsOnly(4);
    }

    private static long count(OrganisationKind kind) {
        return load.organisations().stream()
                .filter(o -> o.details().kind() == kind)
                .count();
    }
}

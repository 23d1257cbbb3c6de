package org.cascadehub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cascadehub.demo.PartnershipGenerator.Sizes;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PartnershipGeneratorTests {

    private static Boroughs boroughs;

    @BeforeAll
    static void boroughs() {
        boroughs = Boroughs.fromGeoJson(new ClassPathResource("geo/london-boroughs.geojson"), "");
    }

    @Test
    void theSameSeedAndSizesMakeTheSamePartnershipAndAnotherSeedAnother() {
        Sizes sizes = new Sizes(5, 60, 30);

        BulkLoad first = new PartnershipGenerator(boroughs, 7).generate(sizes);

        assertThat(new PartnershipGenerator(boroughs, 7).generate(sizes)).isEqualTo(first);
        assertThat(new PartnershipGenerator(boroughs, 8).generate(sizes)).isNotEqualTo(first);
    }

    @Test
    void makesWhatItIsAskedFor() {
        BulkLoad load = new PartnershipGenerator(boroughs, 1).generate(new Sizes(12, 300, 90));

        assertThat(load.organisations()).hasSize(12);
        assertThat(load.people()).hasSize(300);
        assertThat(load.sites()).hasSize(90);
        assertThat(load.sharingGroups()).isEmpty();
        assertThat(load.applications()).isEmpty();
    }

    @Test
    void everyOrganisationHasASecurityManagerFirstAndSuppliersStaffAreLicensed() {
        BulkLoad load = new PartnershipGenerator(boroughs, 2).generate(new Sizes(40, 400, 40));
        Map<OrganisationId, List<NewPerson>> staff =
                load.people().stream().collect(Collectors.groupingBy(NewPerson::organisationId));

        assertThat(load.organisations()).allSatisfy(organisation -> {
            List<NewPerson> people = staff.get(organisation.id());
            assertThat(people).isNotEmpty();
            assertThat(people.getFirst().details().roles()).containsExactly(Role.SECURITY_MANAGER);
            if (organisation.details().kind() == OrganisationKind.SECURITY_SUPPLIER) {
                assertThat(people)
                        .allMatch(p -> p.details().siaLicence() != null
                                && p.details().siaLicence().matches("\\d{16}"));
            }
        });
        assertThat(load.organisations()).anyMatch(o -> o.details().kind() == OrganisationKind.SECURITY_SUPPLIER);
        assertThat(load.people().stream().flatMap(p -> p.details().roles().stream()))
                .containsOnly(Role.SECURITY_MANAGER, Role.MEMBER);
    }

    @Test
    void sitesAreSpreadOverLondonWeightedTowardsTheCentreAndAllInsideABorough() {
        BulkLoad load = new PartnershipGenerator(boroughs, 3).generate(Sizes.forPeople(6_000));
        Map<String, Long> perBorough = load.sites().stream()
                .map(site -> boroughs.containing(
                                site.details().latitude(), site.details().longitude())
                        .orElseThrow(() -> new AssertionError(site + " is outside London")))
                .collect(Collectors.groupingBy(Borough::code, Collectors.counting()));

        assertThat(load.sites()).hasSize(3_000);
        assertThat(perBorough).hasSize(33);
        assertThat(perBorough.get("westminster")).isGreaterThan(3 * perBorough.get("havering"));
        assertThat(perBorough.get("city-of-london")).isGreaterThan(3 * perBorough.get("bexley"));
    }

    @Test
    void namesAndEmailsAreUniqueAndAvoidNamesAlreadyTaken() {
        BulkLoad sample = new PartnershipGenerator(boroughs, 4).generate(new Sizes(30, 30, 0));
        List<String> taken = sample.organisations().stream()
                .limit(10)
                .map(o -> o.details().name())
                .toList();

        BulkLoad load = new PartnershipGenerator(boroughs, 4).generate(new Sizes(2_000, 20_000, 0), taken);

        assertThat(load.organisations().stream().map(o -> o.details().name().toLowerCase()))
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(
                        taken.stream().map(String::toLowerCase).toList());
        assertThat(load.people().stream().map(p -> p.details().email()))
                .doesNotHaveDuplicates()
                .allMatch(email -> email.matches("[a-z]+\\.[a-z]+\\.g\\d*@demo\\.test"));
        Set<String> kinds = load.organisations().stream()
                .map(o -> o.details().sectors().getFirst())
                .collect(Collectors.toSet());
        assertThat(kinds).hasSizeGreaterThan(10);
    }

    @Test
    void sizesNeedAnOrganisationAndSomeoneInEach() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Sizes(0, 10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Sizes(5, 4, 0));
        assertThat(Sizes.forPeople(100_000)).isEqualTo(new Sizes(4_000, 100_000, 50_000));
        assertThat(Sizes.forPeople(3)).isEqualTo(new Sizes(1, 3, 1));
    }
}

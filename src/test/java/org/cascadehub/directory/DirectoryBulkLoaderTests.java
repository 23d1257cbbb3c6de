package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.BulkLoad.NewApplication;
import org.cascadehub.directory.BulkLoad.NewOrganisation;
import org.cascadehub.directory.BulkLoad.NewPerson;
import org.cascadehub.directory.BulkLoad.NewSharingGroup;
import org.cascadehub.directory.BulkLoad.NewSite;
import org.cascadehub.directory.DirectoryEvents.DirectoryBulkLoaded;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.InvalidInput.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@CascadeTest
class DirectoryBulkLoaderTests {

    @Autowired
    DirectoryBulkLoader loader;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Sites sites;

    @Autowired
    SharingGroups sharingGroups;

    @Autowired
    JdbcClient jdbc;

    @Test
    void writesOrganisationsPeopleSitesGroupsAndApplicationsAndWorksOutBoroughs() {
        String unique = unique();
        OrganisationId shop = OrganisationId.random();
        OrganisationId applicant = OrganisationId.random();
        PersonId manager = PersonId.random();
        PersonId lead = PersonId.random();
        PersonId pending = PersonId.random();
        SiteId nearTheEye = SiteId.random();
        SharingGroupId group = SharingGroupId.random();
        BulkLoad load = new BulkLoad(
                List.of(
                        organisation(shop, "Bulk Shop " + unique, OrganisationStatus.VETTED, "retail"),
                        organisation(applicant, "Bulk Applicant " + unique, OrganisationStatus.APPLIED, "finance")),
                List.of(
                        person(manager, shop, "manager-" + unique, Set.of(Role.SECURITY_MANAGER), List.of()),
                        person(lead, shop, "lead-" + unique, Set.of(Role.SECTOR_LEAD), List.of("hospitality")),
                        new NewPerson(
                                pending,
                                applicant,
                                details("pending-" + unique, Set.of(Role.SECURITY_MANAGER), List.of()),
                                PersonStatus.PENDING)),
                List.of(new NewSite(
                        nearTheEye, shop, new SiteDetails("Riverside kiosk", "1 York Road", 51.5033, -0.1196))),
                List.of(new NewSharingGroup(group, "Bulk group " + unique, "made in bulk", List.of(shop, applicant))),
                List.of(new NewApplication(UUID.randomUUID(), applicant, pending, "Please", Instant.now())));

        DirectoryBulkLoaded loaded = loader.load(load);

        assertThat(loaded.organisations()).isEqualTo(2);
        assertThat(loaded.people()).isEqualTo(3);
        assertThat(loaded.sites()).isEqualTo(1);
        Organisation organisation = organisations.find(shop).orElseThrow();
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.VETTED);
        assertThat(organisation.sectors()).containsExactly("retail");
        assertThat(organisation.contactPhone()).isEqualTo("+442079460000");
        Person person = people.find(lead).orElseThrow();
        assertThat(person.roles()).containsExactly(Role.SECTOR_LEAD);
        assertThat(person.leadSectors()).containsExactly("hospitality");
        assertThat(person.phone()).as("normalised to E.164").isEqualTo("+447700900123");
        assertThat(person.siaLicence()).isEqualTo("1013000011112222");
        assertThat(people.find(pending).orElseThrow().status()).isEqualTo(PersonStatus.PENDING);
        assertThat(sites.find(nearTheEye).orElseThrow().boroughCode()).isEqualTo("lambeth");
        assertThat(sharingGroups.find(group).orElseThrow().members()).containsExactlyInAnyOrder(shop, applicant);
        assertThat(count(
                        "SELECT count(*) FROM membership_application WHERE organisation_id = ? AND decision IS NULL",
                        applicant.value()))
                .isEqualTo(1);
    }

    @Test
    void everyBadRowIsNamedAndNothingIsWritten() {
        String unique = unique();
        OrganisationId shop = OrganisationId.random();
        long before = count("SELECT count(*) FROM organisation");
        BulkLoad load = new BulkLoad(
                List.of(
                        organisation(shop, "Bad Bulk " + unique, OrganisationStatus.VETTED, "knitting"),
                        new NewOrganisation(
                                OrganisationId.random(),
                                new OrganisationDetails("", null, List.of(), "nope", "12", null, null),
                                OrganisationStatus.VETTED)),
                List.of(
                        new NewPerson(
                                PersonId.random(),
                                shop,
                                new PersonDetails(
                                        "", "not an email", "call me", "123", Set.of(), List.of(), true, false),
                                PersonStatus.ACTIVE),
                        person(PersonId.random(), shop, "lead-" + unique, Set.of(Role.SECTOR_LEAD), List.of())),
                List.of(
                        new NewSite(
                                SiteId.random(),
                                shop,
                                new SiteDetails("Brighton pier", "Madeira Drive", 50.8167, -0.1372)),
                        new NewSite(SiteId.random(), shop, new SiteDetails("", "", null, null))),
                List.of(),
                List.of());

        assertThatThrownBy(() -> loader.load(load))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "organisations[0].sectors",
                                        "organisations[1].name",
                                        "organisations[1].kind",
                                        "organisations[1].contactEmail",
                                        "organisations[1].contactPhone",
                                        "people[0].name",
                                        "people[0].email",
                                        "people[0].phone",
                                        "people[0].siaLicence",
                                        "people[0].roles",
                                        "people[1].leadSectors",
                                        "sites[0].location",
                                        "sites[1].name",
                                        "sites[1].address",
                                        "sites[1].location"));
        assertThat(count("SELECT count(*) FROM organisation")).isEqualTo(before);
    }

    @Test
    void anEmailAlreadyInTheDirectoryFailsTheWholeLoad() {
        String unique = unique();
        OrganisationId shop = OrganisationId.random();
        BulkLoad load = new BulkLoad(
                List.of(organisation(shop, "Clashing Bulk " + unique, OrganisationStatus.VETTED, "retail")),
                List.of(
                        person(PersonId.random(), shop, "fine-" + unique, Set.of(Role.MEMBER), List.of()),
                        new NewPerson(
                                PersonId.random(),
                                shop,
                                new PersonDetails(
                                        "Copy Cat",
                                        "GUARD@demo.test",
                                        null,
                                        null,
                                        Set.of(Role.MEMBER),
                                        List.of(),
                                        true,
                                        false),
                                PersonStatus.ACTIVE)),
                List.of(),
                List.of(),
                List.of());

        assertThatThrownBy(() -> loader.load(load)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(organisations.find(shop)).isEmpty();
        assertThat(people.findByEmail("fine-" + unique + "@bulk.test")).isEmpty();
    }

    private static NewOrganisation organisation(
            OrganisationId id, String name, OrganisationStatus status, String sector) {
        return new NewOrganisation(
                id,
                new OrganisationDetails(
                        name, OrganisationKind.BUSINESS, List.of(sector), null, "020 7946 0000", null, null),
                status);
    }

    private static NewPerson person(
            PersonId id, OrganisationId organisation, String who, Set<Role> roles, List<String> leads) {
        return new NewPerson(id, organisation, details(who, roles, leads), PersonStatus.ACTIVE);
    }

    private static PersonDetails details(String who, Set<Role> roles, List<String> leads) {
        return new PersonDetails(
                "Bulk Person", who + "@bulk.test", "07700 900123", "1013 0000 1111 2222", roles, leads, true, true);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Changing an organisation and its people through the forms (no JavaScript): bad input comes back
 * with a message beside each field and everything typed; good input is saved; roles stay within
 * what the viewer may give.
 */
@CascadeTest
class OrganisationFormTests {

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    Pages pages;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        pages = Pages.of(context);
    }

    @Test
    void anOrganisationFormWithBadInputKeepsWhatWasTypedAndSavesNothing() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String edit = "/directory/organisations/" + member.organisation() + "/edit";
        manager.get(edit);

        Response bad = manager.postForm(
                edit,
                Map.of(
                        "name", "Renamed " + member.organisationName(),
                        "sectors", "retail",
                        "contactPhone", "12",
                        "website", "not a website"));

        assertThat(bad.status()).isEqualTo(200);
        assertThat(PageHtml.summaryLinks(bad.body())).containsOnlyKeys("#contactPhone", "#website");
        assertThat(PageHtml.inlineError(bad.body(), "contactPhone")).contains("international format");
        assertThat(PageHtml.inputValue(bad.body(), "name")).isEqualTo("Renamed " + member.organisationName());
        assertThat(PageHtml.inputValue(bad.body(), "website")).isEqualTo("not a website");
        assertThat(organisations.find(member.organisation()).orElseThrow().name())
                .isEqualTo(member.organisationName());

        Response good = manager.postForm(
                edit,
                Map.of(
                        "name", "Renamed " + member.organisationName(),
                        "sectors", "hospitality",
                        "website", "https://renamed.example"));
        assertThat(good.status()).isEqualTo(302);
        var saved = organisations.find(member.organisation()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Renamed " + member.organisationName());
        assertThat(saved.sectors()).containsExactly("hospitality");
        assertThat(saved.kind()).isEqualTo(OrganisationKind.BUSINESS);
        assertThat(manager.get("/directory/organisations/" + member.organisation())
                        .body())
                .contains("The organisation&#39;s details are saved.")
                .contains("https://renamed.example");
    }

    @Test
    void onlyAnAdministratorChangesAnOrganisationsKind() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String edit = "/directory/organisations/" + member.organisation() + "/edit";

        String form = manager.get(edit).body();
        assertThat(form).contains("data-testid=\"fixed-kind\"").doesNotContain("name=\"kind\"");
        Response forged = manager.postForm(
                edit, Map.of("name", member.organisationName(), "kind", "POLICE_UNIT", "sectors", "retail"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.body()).contains("Only a hub administrator can change what kind of organisation");
        assertThat(organisations.find(member.organisation()).orElseThrow().kind())
                .isEqualTo(OrganisationKind.BUSINESS);

        TestHttp admin = pages.as("admin@demo.test");
        assertThat(admin.get(edit).body()).contains("name=\"kind\"").doesNotContain("data-testid=\"fixed-kind\"");
        assertThat(admin.postForm(
                                edit,
                                Map.of(
                                        "name",
                                        member.organisationName(),
                                        "kind",
                                        "SECURITY_SUPPLIER",
                                        "sectors",
                                        "retail"))
                        .status())
                .isEqualTo(302);
        assertThat(organisations.find(member.organisation()).orElseThrow().kind())
                .isEqualTo(OrganisationKind.SECURITY_SUPPLIER);
    }

    @Test
    void aSecurityManagerCannotChangeSomeoneWithARoleTheyCouldNotGive() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        PersonId lead = people.enrol(
                member.organisation(),
                new PersonDetails(
                        "Lee Lead " + unique,
                        "lead-" + unique + "@example.test",
                        null,
                        null,
                        Set.of(Role.SECTOR_LEAD),
                        List.of("retail"),
                        true,
                        false));
        TestHttp manager = pages.signedIn(member.email(), member.password());

        String page =
                manager.get("/directory/organisations/" + member.organisation()).body();
        assertThat(page).contains("Lee Lead " + unique).doesNotContain("/directory/people/" + lead + "/edit");
        assertThat(manager.get("/directory/people/" + lead + "/edit", "Accept", "text/html")
                        .status())
                .isEqualTo(403);
        assertThat(manager.postForm(
                                "/directory/people/" + lead + "/edit",
                                Map.of("name", "Taken", "email", member.email() + ".x", "roles", "MEMBER"))
                        .status())
                .isEqualTo(403);
        assertThat(manager.postForm("/directory/people/" + lead + "/suspend", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(people.find(lead).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);

        TestHttp admin = pages.as("admin@demo.test");
        assertThat(admin.get("/directory/organisations/" + member.organisation())
                        .body())
                .contains("/directory/people/" + lead + "/edit");
        assertThat(admin.get("/directory/people/" + lead + "/edit").body())
                .contains("value=\"SECTOR_LEAD\" checked")
                .contains("value=\"retail\" checked");
    }

    @Test
    void suspendingAnOrganisationNeedsAReasonAndShowsIt() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp admin = pages.as("admin@demo.test");
        String page = "/directory/organisations/" + member.organisation();
        admin.get(page);

        Response noReason = admin.postForm(page + "/suspend", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(PageHtml.summaryLinks(noReason.body())).containsOnlyKeys("#reason");
        assertThat(organisations.find(member.organisation()).orElseThrow().status())
                .isEqualTo(OrganisationStatus.VETTED);

        assertThat(admin.postForm(page + "/suspend", Map.of("reason", "Membership fees unpaid"))
                        .status())
                .isEqualTo(302);
        assertThat(admin.get(page).body())
                .contains("Suspended")
                .contains("Membership fees unpaid")
                .contains("data-testid=\"reinstate\"");

        assertThat(admin.postForm(page + "/reinstate", Map.of()).status()).isEqualTo(302);
        assertThat(organisations.find(member.organisation()).orElseThrow().status())
                .isEqualTo(OrganisationStatus.VETTED);

        TestHttp security = pages.as("security@demo.test");
        security.get("/directory");
        assertThat(security.postForm(page + "/suspend", Map.of("reason", "Because"))
                        .status())
                .as("only administrators suspend")
                .isEqualTo(403);
    }

    @Test
    void aSecurityManagerIsOfferedOnlyTheRolesTheyMayGive() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String add = "/directory/organisations/" + member.organisation() + "/people/new";

        String form = manager.get(add).body();
        assertThat(form)
                .contains("value=\"MEMBER\"")
                .contains("value=\"SECURITY_MANAGER\"")
                .doesNotContain("value=\"ADMINISTRATOR\"")
                .doesNotContain("value=\"SECTOR_LEAD\"")
                .doesNotContain("name=\"leadSectors\"");

        String unique = UUID.randomUUID().toString().substring(0, 8);
        Response forged = manager.postForm(
                add,
                Map.of("name", "Eve " + unique, "email", "eve-" + unique + "@example.test", "roles", "ADMINISTRATOR"));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(PageHtml.summaryLinks(forged.body())).containsOnlyKeys("#roles");
        assertThat(people.findByEmail("eve-" + unique + "@example.test")).isEmpty();

        String asAdmin = pages.as("admin@demo.test").get(add).body();
        assertThat(asAdmin).contains("value=\"ADMINISTRATOR\"").contains("name=\"leadSectors\"");
    }

    @Test
    void aPersonIsAddedChangedAndSuspendedThroughTheForms() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String add = "/directory/organisations/" + member.organisation() + "/people/new";
        manager.get(add);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "door-" + unique + "@example.test";

        Response bad = manager.postForm(
                add, Map.of("name", "Dee Door", "email", email, "siaLicence", "1234", "notifySms", "true"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(PageHtml.summaryLinks(bad.body())).containsOnlyKeys("#phone", "#siaLicence", "#roles");
        assertThat(PageHtml.inputValue(bad.body(), "siaLicence")).isEqualTo("1234");
        assertThat(PageHtml.checked(bad.body(), "notifySms")).isTrue();
        assertThat(PageHtml.checked(bad.body(), "notifyEmail"))
                .as("left unticked")
                .isFalse();

        Response added = manager.postForm(
                add,
                Map.of(
                        "name", "Dee Door",
                        "email", email,
                        "phone", "07700 900123",
                        "siaLicence", "1234 5678 9012 3456",
                        "roles", "MEMBER",
                        "notifySms", "true"));
        assertThat(added.status()).isEqualTo(302);
        Person person =
                people.find(people.findByEmail(email).orElseThrow().id()).orElseThrow();
        assertThat(person.phone()).isEqualTo("+447700900123");
        assertThat(person.roles()).containsExactly(Role.MEMBER);
        assertThat(manager.get("/directory/organisations/" + member.organisation())
                        .body())
                .contains("Dee Door")
                .contains(email);

        String edit = "/directory/people/" + person.id() + "/edit";
        assertThat(PageHtml.inputValue(manager.get(edit).body(), "phone")).isEqualTo("+447700900123");
        Response changed = manager.postForm(
                edit,
                Map.of("name", "Dee Doorwell", "email", email, "roles", "SECURITY_MANAGER", "notifyEmail", "true"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(people.find(person.id()).orElseThrow().roles()).containsExactly(Role.SECURITY_MANAGER);

        manager.get(edit);
        assertThat(manager.postForm("/directory/people/" + person.id() + "/suspend", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(people.find(person.id()).orElseThrow().status()).isEqualTo(PersonStatus.SUSPENDED);
        assertThat(manager.get(edit).body()).contains("data-testid=\"reactivate-person\"");
    }
}

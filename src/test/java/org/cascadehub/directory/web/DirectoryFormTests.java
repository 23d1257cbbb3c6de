package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Person;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.Sites;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The directory's forms as plain HTML posts (no JavaScript): bad input comes back with the error
 * summary and a message beside each field, keeping everything typed; good input is saved.
 */
@CascadeTest
class DirectoryFormTests {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Credentials credentials;

    @Autowired
    MembershipApplications applications;

    @Autowired
    Sites sites;

    @Autowired
    Sectors sectors;

    @Autowired
    SharingGroups sharingGroups;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(port, organisations, people, credentials, applications);
    }

    @Test
    void aBadApplicationShowsEachProblemBesideItsFieldAndKeepsWhatWasTyped() {
        TestHttp anonymous = pages.anonymous();
        anonymous.get("/apply", "Accept", "text/html");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organisation.name", "");
        form.put("organisation.kind", "BUSINESS");
        form.put("organisation.sectors", "retail");
        form.put("organisation.contactEmail", "not-an-email");
        form.put("organisation.website", "example.com");
        form.put("applicantName", "Pat O'Brien");
        form.put("applicantEmail", "pat@");
        form.put("applicantPhone", "call me");
        form.put("message", "We are <new> here");

        Response response = anonymous.postForm("/apply", form);

        assertThat(response.status()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("<title>Error: Apply to join Cascade");
        assertThat(Pages.summaryLinks(html))
                .containsOnlyKeys(
                        "#organisation.name",
                        "#organisation.contactEmail",
                        "#organisation.website",
                        "#applicantEmail",
                        "#applicantPhone");
        assertThat(Pages.inlineError(html, "organisation.name")).isEqualTo("Enter the organisation's name");
        assertThat(Pages.inlineError(html, "organisation.website")).contains("starting https://");
        assertThat(Pages.inlineError(html, "applicantEmail")).contains("correct format");
        assertThat(Pages.inlineError(html, "applicantName")).isNull();

        assertThat(Pages.inputValue(html, "organisation.contactEmail")).isEqualTo("not-an-email");
        assertThat(Pages.inputValue(html, "organisation.website")).isEqualTo("example.com");
        assertThat(Pages.inputValue(html, "applicantName")).isEqualTo("Pat O'Brien");
        assertThat(Pages.inputValue(html, "applicantPhone")).isEqualTo("call me");
        assertThat(Pages.textareaText(html, "message")).isEqualTo("We are <new> here");
        assertThat(Pages.checked(html, "organisation.kind-3")).as("Business").isTrue();
        assertThat(Pages.checked(html, "organisation.kind")).as("Police unit").isFalse();
        assertThat(Pages.checked(html, "organisation.sectors")).as("Retail").isTrue();
        assertThat(Pages.checked(html, "organisation.sectors-2"))
                .as("Hospitality")
                .isFalse();
    }

    @Test
    void aGoodApplicationIsConfirmedAndAwaitsVetting() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Form Bakery " + unique;
        TestHttp anonymous = pages.anonymous();
        anonymous.get("/apply", "Accept", "text/html");

        Response sent = anonymous.postForm(
                "/apply",
                Map.of(
                        "organisation.name", name,
                        "organisation.kind", "BUSINESS",
                        "organisation.sectors", "hospitality",
                        "applicantName", "Pat Baker",
                        "applicantEmail", "baker-" + unique + "@example.test"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).endsWith("/apply/received");
        assertThat(anonymous.get("/apply/received", "Accept", "text/html").body())
                .contains("We have your application")
                .contains(name);
        assertThat(organisations
                        .find(organisations.findByName(name).orElseThrow())
                        .orElseThrow()
                        .status())
                .isEqualTo(OrganisationStatus.APPLIED);
    }

    @Test
    void rejectingNeedsAReasonShownBesideThatApplication() {
        Pages.Applied applied = pages.freshApplication("retail");
        TestHttp admin = pages.as("admin@demo.test");
        admin.get("/vetting");

        Response noReason = admin.postForm("/vetting/" + applied.id() + "/reject", Map.of("reason", "  "));

        assertThat(noReason.status()).isEqualTo(200);
        assertThat(Pages.summaryLinks(noReason.body()))
                .containsEntry("#reason-" + applied.id(), "Enter the reason, which the applicant will see");
        assertThat(noReason.body()).contains("id=\"reason-error-" + applied.id() + "\"");
        assertThat(applications
                        .require(viewerOf("admin@demo.test"), applied.id())
                        .open())
                .isTrue();

        Response rejected =
                admin.postForm("/vetting/" + applied.id() + "/reject", Map.of("reason", "We could not find the cafe"));
        assertThat(rejected.status()).isEqualTo(302);
        assertThat(admin.get("/vetting").body())
                .contains(applied.organisationName() + " is rejected")
                .doesNotContain("data-testid=\"application-" + applied.organisationName() + "\"");
        assertThat(admin.get("/directory/organisations/" + applied.organisation())
                        .body())
                .contains("Rejected")
                .contains("We could not find the cafe");
    }

    @Test
    void aSectorLeadApprovesAnApplicationInTheirSector() {
        Pages.Applied applied = pages.freshApplication("retail");
        TestHttp lead = pages.as("retail-lead@demo.test");
        assertThat(lead.get("/vetting").body()).contains(applied.organisationName());

        Response approved = lead.postForm("/vetting/" + applied.id() + "/approve", Map.of());

        assertThat(approved.status()).isEqualTo(302);
        assertThat(approved.location()).endsWith("/vetting");
        assertThat(organisations.find(applied.organisation()).orElseThrow().status())
                .isEqualTo(OrganisationStatus.VETTED);
        assertThat(lead.get("/vetting").body()).contains(applied.organisationName() + " is approved");
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
                        "kind", "BUSINESS",
                        "sectors", "retail",
                        "contactPhone", "12",
                        "website", "not a website"));

        assertThat(bad.status()).isEqualTo(200);
        assertThat(Pages.summaryLinks(bad.body())).containsOnlyKeys("#contactPhone", "#website");
        assertThat(Pages.inlineError(bad.body(), "contactPhone")).contains("international format");
        assertThat(Pages.inputValue(bad.body(), "name")).isEqualTo("Renamed " + member.organisationName());
        assertThat(Pages.inputValue(bad.body(), "website")).isEqualTo("not a website");
        assertThat(organisations.find(member.organisation()).orElseThrow().name())
                .isEqualTo(member.organisationName());

        Response good = manager.postForm(
                edit,
                Map.of(
                        "name", "Renamed " + member.organisationName(),
                        "kind", "SECURITY_SUPPLIER",
                        "sectors", "hospitality",
                        "website", "https://renamed.example"));
        assertThat(good.status()).isEqualTo(302);
        var saved = organisations.find(member.organisation()).orElseThrow();
        assertThat(saved.name()).isEqualTo("Renamed " + member.organisationName());
        assertThat(saved.sectors()).containsExactly("hospitality");
        assertThat(manager.get("/directory/organisations/" + member.organisation())
                        .body())
                .contains("The organisation&#39;s details are saved.")
                .contains("https://renamed.example");
    }

    @Test
    void aSiteOutsideEveryBoroughIsRefusedBesideItsLocation() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String add = "/directory/organisations/" + member.organisation() + "/sites/new";
        assertThat(manager.get(add).body()).contains("Contains National Statistics data");

        Response paris = manager.postForm(
                add,
                Map.of(
                        "name",
                        "Paris office",
                        "address",
                        "1 Rue de Rivoli",
                        "latitude",
                        "48.8566",
                        "longitude",
                        "2.3522"));
        assertThat(paris.status()).isEqualTo(200);
        assertThat(Pages.summaryLinks(paris.body())).containsOnlyKeys("#latitude");
        assertThat(Pages.inlineError(paris.body(), "location")).contains("outside every borough");
        assertThat(Pages.inputValue(paris.body(), "name")).isEqualTo("Paris office");
        assertThat(Pages.inputValue(paris.body(), "latitude")).isEqualTo("48.8566");
        assertThat(Pages.inputValue(paris.body(), "longitude")).isEqualTo("2.3522");

        Response unreadable = manager.postForm(
                add, Map.of("name", "", "address", "Somewhere", "latitude", "north-ish", "longitude", "-0.13"));
        assertThat(Pages.summaryLinks(unreadable.body())).containsOnlyKeys("#name", "#latitude");
        assertThat(Pages.inlineError(unreadable.body(), "latitude")).contains("must be a number");
        assertThat(Pages.inlineError(unreadable.body(), "location")).isNull();
        assertThat(Pages.inputValue(unreadable.body(), "latitude")).isEqualTo("north-ish");
        assertThat(sites.ofOrganisation(member.organisation())).isEmpty();

        Response westminster = manager.postForm(
                add,
                Map.of(
                        "name",
                        "Victoria shop",
                        "address",
                        "1 Vauxhall Bridge Road",
                        "latitude",
                        "51.4975",
                        "longitude",
                        "-0.1357"));
        assertThat(westminster.status()).isEqualTo(302);
        String page =
                manager.get("/directory/organisations/" + member.organisation()).body();
        assertThat(page)
                .contains("Victoria shop is saved. It is in Westminster.")
                .contains(">Westminster</span>");
        assertThat(sites.ofOrganisation(member.organisation()))
                .singleElement()
                .satisfies(site -> assertThat(site.boroughCode()).isEqualTo("westminster"));
    }

    @Test
    void aSiteIsMovedToAnotherBoroughAndRemoved() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        var site = sites.register(member.organisation(), new SiteDetails("Strand shop", "1 Strand", 51.5101, -0.1240));
        TestHttp manager = pages.signedIn(member.email(), member.password());
        String edit = "/directory/sites/" + site + "/edit";

        String form = manager.get(edit).body();
        assertThat(form).contains(">Westminster</strong>");
        assertThat(Pages.inputValue(form, "latitude")).isEqualTo("51.5101");

        Response moved = manager.postForm(
                edit,
                Map.of(
                        "name",
                        "Borough shop",
                        "address",
                        "1 Borough High Street",
                        "latitude",
                        "51.5045",
                        "longitude",
                        "-0.0900"));
        assertThat(moved.status()).isEqualTo(302);
        assertThat(manager.get("/directory/organisations/" + member.organisation())
                        .body())
                .contains("Borough shop is saved. It is in Southwark.");

        manager.get(edit);
        assertThat(manager.postForm("/directory/sites/" + site + "/remove", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(sites.ofOrganisation(member.organisation())).isEmpty();
        assertThat(manager.get(edit, "Accept", "text/html").status()).isEqualTo(404);
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
        assertThat(Pages.summaryLinks(forged.body())).containsOnlyKeys("#roles");
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
        assertThat(Pages.summaryLinks(bad.body())).containsOnlyKeys("#phone", "#siaLicence", "#roles");
        assertThat(Pages.inputValue(bad.body(), "siaLicence")).isEqualTo("1234");
        assertThat(Pages.checked(bad.body(), "notifySms")).isTrue();
        assertThat(Pages.checked(bad.body(), "notifyEmail")).as("left unticked").isFalse();

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
        assertThat(Pages.inputValue(manager.get(edit).body(), "phone")).isEqualTo("+447700900123");
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

    @Test
    void suspendingAnOrganisationNeedsAReasonAndShowsIt() {
        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        TestHttp admin = pages.as("admin@demo.test");
        String page = "/directory/organisations/" + member.organisation();
        admin.get(page);

        Response noReason = admin.postForm(page + "/suspend", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(Pages.summaryLinks(noReason.body())).containsOnlyKeys("#reason");
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
    void administratorsAddAndRetireSectorsAndMakeSharingGroups() {
        TestHttp admin = pages.as("admin@demo.test");
        admin.get("/directory/sectors");
        Response duplicate = admin.postForm("/directory/sectors", Map.of("name", "retail"));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(Pages.inlineError(duplicate.body(), "name")).contains("already a sector");
        assertThat(Pages.inputValue(duplicate.body(), "name")).isEqualTo("retail");

        String unique = UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.postForm("/directory/sectors", Map.of("name", "Markets " + unique))
                        .status())
                .isEqualTo(302);
        String code = "markets-" + unique;
        admin.get("/directory/sectors/" + code + "/edit");
        assertThat(admin.postForm("/directory/sectors/" + code + "/edit", Map.of("name", "Street markets " + unique))
                        .status())
                .isEqualTo(302);
        assertThat(sectors.all()).anySatisfy(s -> {
            assertThat(s.code()).isEqualTo(code);
            assertThat(s.name()).isEqualTo("Street markets " + unique);
            assertThat(s.active()).isFalse();
        });

        Pages.Member member = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        admin.get("/directory/sharing-groups/new");
        Response noName = admin.postForm(
                "/directory/sharing-groups/new",
                Map.of("name", "", "members", member.organisation().toString()));
        assertThat(Pages.summaryLinks(noName.body())).containsOnlyKeys("#name");
        assertThat(noName.body()).contains("value=\"" + member.organisation() + "\" checked");

        String group = "Strand BCRP " + unique;
        assertThat(admin.postForm(
                                "/directory/sharing-groups/new",
                                Map.of(
                                        "name",
                                        group,
                                        "members",
                                        member.organisation().toString()))
                        .status())
                .isEqualTo(302);
        assertThat(admin.get("/directory/sharing-groups").body())
                .contains(group)
                .contains(member.organisationName());
        assertThat(pages.as("guard@demo.test")
                        .get("/directory/organisations/" + member.organisation())
                        .body())
                .contains(group);

        var created = sharingGroups.all().stream()
                .filter(g -> g.name().equals(group))
                .findFirst()
                .orElseThrow();
        String edit = "/directory/sharing-groups/" + created.id() + "/edit";
        assertThat(admin.get(edit).body()).contains("value=\"" + member.organisation() + "\" checked");
        assertThat(admin.postForm(edit, Map.of("name", group + " (closed)", "description", "No longer used"))
                        .status())
                .isEqualTo(302);
        assertThat(sharingGroups.find(created.id()).orElseThrow().members()).isEmpty();
        assertThat(sharingGroups.find(created.id()).orElseThrow().name()).isEqualTo(group + " (closed)");
    }

    private Viewer viewerOf(String email) {
        return people.viewer(people.findByEmail(email).orElseThrow().id()).orElseThrow();
    }
}

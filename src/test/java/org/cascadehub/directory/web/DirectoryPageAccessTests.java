package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Who may open which directory page: every page asks the same services as the API, so a page the
 * viewer may not see answers 404 and one they may see but not change answers 403.
 */
@CascadeTest
class DirectoryPageAccessTests {

    private static final String STRAND = "Strand Arcade Retail Ltd";

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Sectors sectors;

    Pages pages;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        pages = Pages.of(context);
    }

    @Test
    void applyingNeedsNoSignInButTheDirectoryDoes() {
        TestHttp anonymous = pages.anonymous();

        Response apply = anonymous.get("/apply", "Accept", "text/html");
        assertThat(apply.status()).isEqualTo(200);
        assertThat(apply.body()).contains("Apply to join Cascade").contains("name=\"applicantEmail\"");

        for (String page : new String[] {"/directory", "/vetting", "/directory/people", "/directory/sectors"}) {
            Response response = anonymous.get(page, "Accept", "text/html");
            assertThat(response.status()).as(page).isEqualTo(302);
            assertThat(response.location()).as(page).endsWith("/sign-in");
        }
    }

    @Test
    void onlyAdministratorsAndSectorLeadsCanOpenVetting() {
        assertThat(pages.as("admin@demo.test").get("/vetting").status()).isEqualTo(200);
        assertThat(pages.as("retail-lead@demo.test").get("/vetting").status()).isEqualTo(200);

        for (String email : new String[] {"guard@demo.test", "security@demo.test", "police@demo.test"}) {
            Response refused = pages.as(email).get("/vetting", "Accept", "text/html");
            assertThat(refused.status()).as(email).isEqualTo(403);
            assertThat(refused.body()).as(email).contains("You do not have access to this page");
        }
    }

    @Test
    void aSectorLeadWithNoOpenApplicationsInTheirSectorsIsToldSo() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        Sector quiet = sectors.add("Quiet sector " + unique);
        Pages.Member lead = pages.freshOrganisation(OrganisationStatus.VETTED, "retail");
        people.update(
                people.viewer(people.findByEmail("admin@demo.test")
                                .orElseThrow()
                                .id())
                        .orElseThrow(),
                lead.id(),
                new PersonDetails(
                        "Quiet Lead " + unique,
                        lead.email(),
                        null,
                        null,
                        Set.of(Role.SECTOR_LEAD),
                        List.of(quiet.code()),
                        true,
                        false));

        String vetting =
                pages.signedIn(lead.email(), lead.password()).get("/vetting").body();

        assertThat(vetting).contains("There is nothing to vet.").doesNotContain("data-testid=\"approve-");
    }

    @Test
    void theNavigationOffersVettingOnlyToThoseWhoVet() {
        assertThat(pages.as("admin@demo.test").get("/").body())
                .contains("data-testid=\"nav-directory\"")
                .contains("data-testid=\"nav-vetting\"");
        assertThat(pages.as("retail-lead@demo.test").get("/").body()).contains("data-testid=\"nav-vetting\"");
        assertThat(pages.as("guard@demo.test").get("/").body())
                .contains("data-testid=\"nav-directory\"")
                .doesNotContain("data-testid=\"nav-vetting\"");
    }

    @Test
    void aSectorLeadVetsOnlyApplicationsInTheirSectors() {
        Pages.Applied retail = pages.freshApplication("retail");
        Pages.Applied hospitality = pages.freshApplication("hospitality");

        String lead = pages.as("retail-lead@demo.test").get("/vetting").body();
        assertThat(lead).contains(retail.organisationName()).doesNotContain(hospitality.organisationName());

        String admin = pages.as("admin@demo.test").get("/vetting").body();
        assertThat(admin).contains(retail.organisationName()).contains(hospitality.organisationName());

        TestHttp asLead = pages.as("retail-lead@demo.test");
        assertThat(asLead.get("/directory/organisations/" + hospitality.organisation(), "Accept", "text/html")
                        .status())
                .as("an application outside the lead's sectors is not visible")
                .isEqualTo(404);
    }

    @Test
    void aMemberSeesTheirOrganisationButCannotOpenItsEditForms() {
        OrganisationId strand = pages.demoOrganisation(STRAND);
        TestHttp guard = pages.as("guard@demo.test");

        Response page = guard.get("/directory/organisations/" + strand);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(STRAND)
                .contains("Chris Walker")
                .doesNotContain("data-testid=\"edit-organisation\"")
                .doesNotContain("data-testid=\"add-person\"")
                .doesNotContain("data-testid=\"add-site\"")
                .doesNotContain("/edit\"");

        String securityManager =
                people.findByEmail("security@demo.test").orElseThrow().id().toString();
        for (String form : new String[] {
            "/directory/organisations/" + strand + "/edit",
            "/directory/organisations/" + strand + "/people/new",
            "/directory/organisations/" + strand + "/sites/new",
            "/directory/people/" + securityManager + "/edit"
        }) {
            assertThat(guard.get(form, "Accept", "text/html").status()).as(form).isEqualTo(403);
        }

        Response save = guard.postForm(
                "/directory/organisations/" + strand + "/edit", Map.of("name", "Taken over", "kind", "BUSINESS"));
        assertThat(save.status()).isEqualTo(403);
        assertThat(organisations.find(strand).orElseThrow().name()).isEqualTo(STRAND);
    }

    @Test
    void aSecurityManagerEditsTheirOwnOrganisationButNoOtherOne() {
        OrganisationId strand = pages.demoOrganisation(STRAND);
        OrganisationId hub = pages.demoOrganisation("Cascade Hub");
        Pages.Member applied = pages.freshOrganisation(OrganisationStatus.APPLIED, "retail");
        TestHttp security = pages.as("security@demo.test");

        Response own = security.get("/directory/organisations/" + strand + "/edit");
        assertThat(own.status()).isEqualTo(200);
        assertThat(PageHtml.inputValue(own.body(), "name")).isEqualTo(STRAND);
        assertThat(security.get("/directory/organisations/" + strand).body())
                .contains("data-testid=\"edit-organisation\"")
                .contains("data-testid=\"add-person\"")
                .contains("data-testid=\"add-site\"");

        Response other = security.get("/directory/organisations/" + hub + "/edit", "Accept", "text/html");
        assertThat(other.status())
                .as("a vetted organisation they may see but not change")
                .isEqualTo(403);
        assertThat(security.get("/directory/organisations/" + hub).body())
                .doesNotContain("data-testid=\"edit-organisation\"");
        Response save = security.postForm(
                "/directory/organisations/" + hub + "/edit", Map.of("name", "Not the hub", "kind", "BUSINESS"));
        assertThat(save.status()).isEqualTo(403);
        assertThat(organisations.find(hub).orElseThrow().name()).isEqualTo("Cascade Hub");

        for (String page : new String[] {
            "/directory/organisations/" + applied.organisation(),
            "/directory/organisations/" + applied.organisation() + "/edit"
        }) {
            Response hidden = security.get(page, "Accept", "text/html");
            assertThat(hidden.status())
                    .as("an unvetted organisation is not visible: " + page)
                    .isEqualTo(404);
            assertThat(hidden.body()).contains("Page not found").doesNotContain(applied.organisationName());
        }
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        TestHttp admin = pages.as("admin@demo.test");
        for (String page : new String[] {
            "/directory/organisations/00000000-0000-0000-0000-000000000000",
            "/directory/organisations/not-an-id",
            "/directory/people/00000000-0000-0000-0000-000000000000/edit",
            "/directory/sites/00000000-0000-0000-0000-000000000000/edit",
            "/directory/sharing-groups/00000000-0000-0000-0000-000000000000/edit",
            "/directory/sectors/no-such-sector/edit"
        }) {
            Response response = admin.get(page, "Accept", "text/html");
            assertThat(response.status()).as(page).isEqualTo(404);
            assertThat(response.body()).as(page).contains("Page not found");
        }
    }

    @Test
    void onlyAdministratorsChangeSectorsAndSharingGroups() {
        TestHttp police = pages.as("police@demo.test");
        assertThat(police.get("/directory/sectors").body()).contains("Retail").doesNotContain("Add a sector");
        assertThat(police.get("/directory/sharing-groups").body()).doesNotContain("Create a sharing group");
        for (String form : new String[] {"/directory/sectors/retail/edit", "/directory/sharing-groups/new"}) {
            assertThat(police.get(form, "Accept", "text/html").status())
                    .as(form)
                    .isEqualTo(403);
        }
        assertThat(police.postForm("/directory/sectors", Map.of("name", "Piracy"))
                        .status())
                .isEqualTo(403);

        TestHttp admin = pages.as("admin@demo.test");
        assertThat(admin.get("/directory/sectors").body()).contains("Add a sector");
        assertThat(admin.get("/directory/sectors/retail/edit").status()).isEqualTo(200);
        assertThat(admin.get("/directory/sharing-groups/new").status()).isEqualTo(200);
    }

    @Test
    void theStatusFilterIsForThoseWhoVetAndTheImportLinkForThoseWhoMayImport() {
        String guard = pages.as("guard@demo.test").get("/directory").body();
        assertThat(guard).doesNotContain("id=\"status\"").doesNotContain("/directory/import");

        String lead = pages.as("retail-lead@demo.test").get("/directory").body();
        assertThat(lead).contains("id=\"status\"").contains("/directory/import");

        String security = pages.as("security@demo.test").get("/directory").body();
        assertThat(security).doesNotContain("id=\"status\"").contains("/directory/import");
    }

    @Test
    void theDirectoryListsOnlyWhatTheViewerMaySee() {
        Pages.Member applied = pages.freshOrganisation(OrganisationStatus.APPLIED, "hospitality");

        String guard = pages.as("guard@demo.test")
                .get("/directory?name=" + applied.organisationName().replace(" ", "+"))
                .body();
        String link = "href=\"/directory/organisations/" + applied.organisation() + "\"";
        assertThat(guard).contains(">0 organisations<").doesNotContain(link);

        String admin = pages.as("admin@demo.test")
                .get("/directory?status=APPLIED&name="
                        + applied.organisationName().replace(" ", "+"))
                .body();
        assertThat(admin).contains(">1 organisation<").contains(link);

        String people = pages.as("guard@demo.test")
                .get("/directory/people?q=" + applied.email())
                .body();
        assertThat(people).contains(">0 people<").doesNotContain("mailto:" + applied.email());
    }
}

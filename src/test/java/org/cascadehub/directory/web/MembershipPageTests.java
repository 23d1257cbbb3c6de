package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Applying to join and vetting, as plain HTML form posts (no JavaScript): a bad application comes
 * back with the error summary and a message beside each field, keeping everything typed.
 */
@CascadeTest
class MembershipPageTests {

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    MembershipApplications applications;

    Pages pages;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        pages = Pages.of(context);
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
        assertThat(PageHtml.summaryLinks(html))
                .containsOnlyKeys(
                        "#organisation.name",
                        "#organisation.contactEmail",
                        "#organisation.website",
                        "#applicantEmail",
                        "#applicantPhone");
        assertThat(PageHtml.inlineError(html, "organisation.name")).isEqualTo("Enter the organisation's name");
        assertThat(PageHtml.inlineError(html, "organisation.website")).contains("starting https://");
        assertThat(PageHtml.inlineError(html, "applicantEmail")).contains("correct format");
        assertThat(PageHtml.inlineError(html, "applicantName")).isNull();

        assertThat(PageHtml.inputValue(html, "organisation.contactEmail")).isEqualTo("not-an-email");
        assertThat(PageHtml.inputValue(html, "organisation.website")).isEqualTo("example.com");
        assertThat(PageHtml.inputValue(html, "applicantName")).isEqualTo("Pat O'Brien");
        assertThat(PageHtml.inputValue(html, "applicantPhone")).isEqualTo("call me");
        assertThat(PageHtml.textareaText(html, "message")).isEqualTo("We are <new> here");
        assertThat(PageHtml.checked(html, "organisation.kind-3")).as("Business").isTrue();
        assertThat(PageHtml.checked(html, "organisation.kind"))
                .as("Police unit")
                .isFalse();
        assertThat(PageHtml.checked(html, "organisation.sectors")).as("Retail").isTrue();
        assertThat(PageHtml.checked(html, "organisation.sectors-2"))
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
        assertThat(PageHtml.summaryLinks(noReason.body()))
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

    private Viewer viewerOf(String email) {
        return people.viewer(people.findByEmail(email).orElseThrow().id()).orElseThrow();
    }
}

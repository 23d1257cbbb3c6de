package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.directory.Sites;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Sites through the plain form (the no-JavaScript path): latitude and longitude typed in, the
 * borough worked out on saving, a point outside the city refused beside its location.
 */
@CascadeTest
class SiteFormTests {

    @Autowired
    Organisations organisations;

    @Autowired
    Sites sites;

    Pages pages;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        pages = Pages.of(context);
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
        assertThat(PageHtml.summaryLinks(paris.body())).containsOnlyKeys("#latitude");
        assertThat(PageHtml.inlineError(paris.body(), "location")).contains("outside every borough");
        assertThat(PageHtml.inputValue(paris.body(), "name")).isEqualTo("Paris office");
        assertThat(PageHtml.inputValue(paris.body(), "latitude")).isEqualTo("48.8566");
        assertThat(PageHtml.inputValue(paris.body(), "longitude")).isEqualTo("2.3522");

        Response unreadable = manager.postForm(
                add, Map.of("name", "", "address", "Somewhere", "latitude", "north-ish", "longitude", "-0.13"));
        assertThat(PageHtml.summaryLinks(unreadable.body())).containsOnlyKeys("#name", "#latitude");
        assertThat(PageHtml.inlineError(unreadable.body(), "latitude")).contains("must be a number");
        assertThat(PageHtml.inlineError(unreadable.body(), "location")).isNull();
        assertThat(PageHtml.inputValue(unreadable.body(), "latitude")).isEqualTo("north-ish");
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
        assertThat(PageHtml.inputValue(form, "latitude")).isEqualTo("51.5101");

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
}

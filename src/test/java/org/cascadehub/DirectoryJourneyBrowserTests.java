package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Joining the partnership in a real browser: an organisation applies, the administrator approves
 * it, the applicant sets a password from the emailed link, then places a site by clicking the map
 * and adds a colleague. Every page is checked for accessibility and for errors in the browser.
 */
@CascadeTest
@BrowserTest
class DirectoryJourneyBrowserTests {

    /** Near Victoria, well inside Westminster. */
    private static final String LATITUDE = "51.4975";

    private static final String LONGITUDE = "-0.1357";

    @Autowired
    GreenMail mail;

    @Autowired
    MembershipApplications applications;

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Test
    void anOrganisationAppliesIsApprovedAndSetsUpASiteAndAColleague(Browser browser) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String organisation = "Victoria Pharmacy " + unique;
        String applicant = "owner-" + unique + "@example.test";

        apply(browser, organisation, applicant);
        approveAsAdministrator(browser, organisation, applicant);
        setPasswordFromTheEmailedLink(browser, applicant, "a long enough passphrase " + unique);
        openOwnOrganisation(browser, organisation);
        addSiteByClickingTheMap(browser);
        addColleague(browser, "colleague-" + unique + "@example.test");
    }

    /** The pages not on the joining journey, including their error states, as an administrator sees them. */
    @Test
    void theDirectorysOtherPagesAreAccessibleWithAndWithoutErrors(Browser browser) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String applicant = "Axe Cafe " + unique;
        applications.apply(new MembershipApplications.Application(
                new OrganisationDetails(
                        applicant, OrganisationKind.BUSINESS, List.of("retail"), null, null, null, null),
                "Ada Axe",
                "axe-" + unique + "@example.test",
                null,
                null));
        String strand = organisations
                .findByName("Strand Arcade Retail Ltd")
                .orElseThrow()
                .toString();
        String guard = people.findByEmail("guard@demo.test").orElseThrow().id().toString();
        signIn(browser, "admin@demo.test", DemoAccounts.PASSWORD);

        browser.open("/vetting");
        browser.byTestId("reject-" + applicant).click();
        assertThat(browser.byTestId("error-summary").getText()).contains("Enter the reason");
        check(browser, "the vetting page with a missing reason", "vetting-error");

        browser.open("/directory/people?q=demo.test");
        assertThat(browser.waitFor(By.cssSelector(".govuk-pagination")).getText())
                .contains("Next");
        browser.waitFor(By.cssSelector(".govuk-pagination__next a")).click();
        assertThat(browser.currentUrl()).contains("page=2");
        check(browser, "the second page of a people search", "people");
        browser.open("/directory/people?q=Taylor+Reid");
        assertThat(browser.byTestId("people").getText()).contains("Taylor Reid");

        browser.open("/directory/organisations/" + strand);
        browser.byTestId("suspend").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("Enter a reason");
        check(browser, "an organisation page with a missing suspension reason", "organisation-suspend-error");

        browser.open("/directory/organisations/" + strand + "/edit");
        browser.type("website", "strand-arcade.example");
        browser.byTestId("save").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("starting https://");
        check(browser, "the organisation form with an error", "organisation-edit-error");

        browser.open("/directory/people/" + guard + "/edit");
        browser.type("siaLicence", "12");
        browser.byTestId("save-person").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("16 digits");
        check(browser, "the person form with an error", "person-edit-error");

        browser.open("/directory/organisations/" + strand + "/sites/new");
        waitForBoroughs(browser);
        browser.type("name", "Paris office");
        browser.type("address", "1 Rue de Rivoli");
        browser.type("latitude", "48.8566");
        browser.type("longitude", "2.3522");
        browser.byTestId("save-site").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("outside every borough");
        waitForBoroughs(browser);
        assertThat(browser.byTestId("map-borough").getText())
                .isEqualTo("This point is outside every borough of the city.");
        check(browser, "the site form with a point outside the city", "site-form-error");

        browser.open("/directory/sectors");
        browser.byTestId("add-sector").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("Enter a sector name");
        check(browser, "the sectors page with an error", "sectors-error");
        browser.open("/directory/sectors/retail/edit");
        check(browser, "the sector form", "sector-form");

        browser.open("/directory/sharing-groups");
        check(browser, "the sharing groups", "sharing-groups");
        browser.byTestId("new-sharing-group").click();
        browser.byTestId("save-sharing-group").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("Enter the group");
        check(browser, "the sharing group form with an error", "sharing-group-error");

        browser.open("/directory/organisations/00000000-0000-0000-0000-000000000000");
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Page not found");
        // The browser logs the 404 status itself, so only accessibility is checked here.
        browser.screenshot("directory-not-found");
        browser.assertAccessible("the page for an organisation that is not there");
    }

    private void apply(Browser browser, String organisation, String applicant) {
        browser.open("/apply");
        check(browser, "the application form", "apply");

        browser.type("organisation.name", organisation);
        browser.waitFor(By.cssSelector("label[for='organisation.kind-3']")).click();
        browser.waitFor(By.cssSelector("label[for='organisation.sectors']")).click();
        browser.type("applicantName", "Morgan Owner");
        browser.type("applicantEmail", "not an email");
        browser.byTestId("apply").click();
        assertThat(browser.byTestId("error-summary").getText())
                .contains("Enter an email address in the correct format");
        assertThat(browser.waitFor(By.id("organisation.name")).getDomProperty("value"))
                .isEqualTo(organisation);
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        check(browser, "the application form showing an error", "apply-error");

        browser.type("applicantEmail", applicant);
        browser.byTestId("apply").click();
        assertThat(browser.byTestId("application-received").getText()).isEqualTo("Application received");
        assertThat(browser.waitFor(By.id("main-content")).getText()).contains("We have your application");
        check(browser, "the application confirmation", "apply-received");
    }

    private void approveAsAdministrator(Browser browser, String organisation, String applicant) {
        signIn(browser, "admin@demo.test", DemoAccounts.PASSWORD);
        browser.byTestId("nav-vetting").click();
        WebElement application = browser.byTestId("application-" + organisation);
        assertThat(application.getText()).contains(applicant).contains("Retail");
        check(browser, "the vetting page", "vetting");

        browser.byTestId("approve-" + organisation).click();
        assertThat(browser.byTestId("notice").getText()).contains(organisation + " is approved");
        check(browser, "the vetting page after approving", "vetting-approved");
        browser.byTestId("sign-out").click();
        browser.waitFor(By.cssSelector(".govuk-notification-banner"));
    }

    private void setPasswordFromTheEmailedLink(Browser browser, String applicant, String password) {
        String email = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestMail.messagesTo(mail, applicant).stream()
                                .filter(m -> m.contains("/account/set-password?token="))
                                .findFirst()
                                .orElse(null),
                        message -> message != null);
        Matcher link = Pattern.compile("(/account/set-password\\?token=[A-Za-z0-9_-]+)")
                .matcher(email);
        assertThat(link.find()).isTrue();

        browser.open(link.group(1));
        check(browser, "the set-password page", "set-password");
        browser.type("password", password);
        browser.type("confirmation", password);
        browser.waitFor(By.cssSelector("form button[type=submit]")).click();
        assertThat(browser.waitFor(By.cssSelector(".govuk-notification-banner")).getText())
                .contains("Your password is set");
        signIn(browser, applicant, password);
        assertThat(browser.byTestId("signed-in-person").getText()).isEqualTo("Morgan Owner");
    }

    private void openOwnOrganisation(Browser browser, String organisation) {
        browser.byTestId("nav-directory").click();
        check(browser, "the directory", "directory");
        // With JavaScript, htmx refreshes the results as the name is typed (no button press).
        browser.type("name", organisation);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage("the results narrow to the one organisation")
                .until(driver -> Boolean.TRUE.equals(browser.driver()
                        .executeScript("return document.querySelector('[data-testid=result-count]').textContent.trim()"
                                + " === '1 organisation' && !document.querySelector('.htmx-request')")));
        assertThat(browser.currentUrl()).as("the search is in the address").contains("name=Victoria");
        browser.waitFor(By.linkText(organisation)).click();
        assertThat(browser.byTestId("organisation-name").getText()).isEqualTo(organisation);
        assertThat(browser.byTestId("people").getText())
                .contains("Morgan Owner")
                .contains("Security manager");
        check(browser, "the organisation page", "organisation");
    }

    private void addSiteByClickingTheMap(Browser browser) {
        browser.byTestId("add-site").click();
        WebElement map = browser.byTestId("site-map");
        waitForBoroughs(browser);
        assertThat(browser.byTestId("map-attribution").getText()).contains("Ordnance Survey");
        check(browser, "the site form with its map", "site-form");

        browser.type("name", "Victoria shop");
        browser.type("address", "1 Vauxhall Bridge Road, London SW1V");
        browser.type("latitude", LATITUDE);
        browser.type("longitude", LONGITUDE);
        browser.waitFor(By.id("longitude")).sendKeys(Keys.TAB);
        waitUntil(
                browser,
                "the map centres on the typed point",
                () -> browser.byTestId("map-borough").getText().equals("This point is in Westminster."));

        // A click a little off the typed point: the inputs now hold where the map was clicked.
        new Actions(browser.driver())
                .scrollToElement(map)
                .moveToElement(map, 15, 10)
                .click()
                .perform();
        waitUntil(
                browser,
                "the click fills in the latitude",
                () -> !value(browser, "latitude").equals(LATITUDE));
        double latitude = Double.parseDouble(value(browser, "latitude"));
        double longitude = Double.parseDouble(value(browser, "longitude"));
        assertThat(latitude).isLessThan(51.4975).isGreaterThan(51.49);
        assertThat(longitude).isGreaterThan(-0.1357).isLessThan(-0.13);
        assertThat(browser.byTestId("map-borough").getText()).isEqualTo("This point is in Westminster.");
        browser.screenshot("directory-site-placed");

        browser.byTestId("save-site").click();
        assertThat(browser.byTestId("notice").getText()).endsWith("Victoria shop is saved. It is in Westminster.");
        assertThat(browser.byTestId("site-borough").getText()).isEqualTo("Westminster");
        waitForBoroughs(browser);
        assertThat(browser.driver().findElements(By.cssSelector("#organisation-map path[fill='#d4351c']")))
                .as("the site's marker")
                .hasSize(1);
        check(browser, "the organisation page with its site on the map", "organisation-with-site");
    }

    private void addColleague(Browser browser, String email) {
        browser.byTestId("add-person").click();
        check(browser, "the add-person form", "person-form");
        browser.type("name", "Jamie Colleague");
        browser.type("email", email);
        browser.type("phone", "07700 900456");
        browser.byTestId("save-person").click();
        assertThat(browser.byTestId("notice").getText()).contains("Jamie Colleague is added");
        assertThat(browser.byTestId("people").getText())
                .contains("Jamie Colleague")
                .contains(email)
                .contains("+447700900456");
        check(browser, "the organisation page with the new colleague", "organisation-with-colleague");
    }

    private static void signIn(Browser browser, String email, String password) {
        if (!browser.currentUrl().contains("/sign-in")) {
            browser.open("/sign-in");
        }
        browser.type("email", email);
        browser.type("password", password);
        browser.byTestId("sign-in").click();
        browser.byTestId("signed-in-person");
    }

    /** The borough outlines are drawn once the GeoJSON has loaded (most lie outside the view). */
    private static void waitForBoroughs(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage("the borough outlines are drawn")
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(
                        By.cssSelector(".leaflet-overlay-pane path.leaflet-interactive"), 30));
    }

    private static String value(Browser browser, String id) {
        return browser.waitFor(By.id(id)).getDomProperty("value");
    }

    private static void waitUntil(Browser browser, String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage(what)
                .until(driver -> condition.getAsBoolean());
    }

    private static void check(Browser browser, String page, String screenshot) {
        browser.screenshot("directory-" + screenshot);
        browser.assertAccessible(page);
        browser.assertNoAppErrors();
    }
}

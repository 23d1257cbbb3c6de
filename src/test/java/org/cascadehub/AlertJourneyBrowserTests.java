package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cascadehub.alerts.AckLinks;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alert cascade in real browsers: a police coordinator writes a Severe alert for Westminster on
 * the form and submits it, an approver approves it in a second browser, and it is published; in a
 * third, security@demo.test sees it arrive live on the dashboard and acknowledges it, and the
 * author's count changes without a reload. Every page is checked for accessibility and browser
 * errors.
 */
@CascadeTest
@BrowserTest
class AlertJourneyBrowserTests {

    @Autowired
    People people;

    @Autowired
    AlertAuthoring authoring;

    @Autowired
    AckLinks links;

    @Test
    void aSevereAlertForWestminsterIsWrittenApprovedPublishedAndAcknowledged(
            Browser author, Browser approver, Browser recipient) {
        String headline =
                "Suspicious item on the Strand " + UUID.randomUUID().toString().substring(0, 8);

        signIn(author, "police@demo.test");
        String alert = writeSevereAlertForWestminster(author, headline);
        assertThat(status(author)).isEqualTo("Awaiting approval");
        check(author, "the alert awaiting approval, as its author", "alert-submitted");

        signIn(recipient, "security@demo.test");
        waitUntilLive(recipient);

        signIn(approver, "approver@demo.test");
        openFromTheList(approver, "awaiting", headline);
        approve(approver);
        assertThat(status(approver)).isEqualTo("Published");
        check(approver, "the published alert, as its approver", "alert-approved");

        author.open(alert);
        assertThat(status(author)).isEqualTo("Published");
        assertThat(ackCount(author)).matches("0 of \\d+ acknowledged");

        WebElement card = arrivesLive(recipient, headline);
        card.findElement(By.cssSelector("[data-testid='acknowledge']")).click();
        new WebDriverWait(recipient.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElement(
                        card.findElement(By.cssSelector("[data-testid='acknowledge-result']")), "Acknowledged"));
        check(recipient, "the dashboard with a live alert acknowledged", "dashboard-live-acknowledged");

        new WebDriverWait(author.driver(), Duration.ofSeconds(15))
                .withMessage("the author's count changes without a reload")
                .until(d -> ackCount(author).matches("1 of \\d+ acknowledged"));
        check(author, "the published alert with an acknowledgement, as its author", "alert-acknowledged");

        openFromTheList(recipient, "current", headline);
        assertThat(recipient.byTestId("tlp-banner").getText()).startsWith("TLP:AMBER");
        assertThat(recipient.byTestId("acknowledged").getText()).startsWith("You acknowledged at ");
    }

    /** The dashboard's live panel says it is connected. */
    private static void waitUntilLive(Browser browser) {
        browser.open("/");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .withMessage("the live panel connects")
                .until(ExpectedConditions.textToBePresentInElement(browser.byTestId("live-status"), "Connected"));
    }

    /** The alert's card appears on the open dashboard, without a reload. */
    private static WebElement arrivesLive(Browser browser, String headline) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .withMessage("the alert arrives live on the dashboard")
                .until(d -> d.findElements(By.cssSelector("[data-testid='live-alert']")).stream()
                        .filter(card -> card.getText().contains(headline))
                        .findFirst()
                        .orElse(null));
    }

    /**
     * The form's map and its htmx preview: corners clicked on the map fill in the polygon, and a
     * preview with a problem shows the whole form again in place, map and corners included.
     */
    @Test
    void anAreaIsDrawnOnTheMapAndAPreviewShowsProblemsInPlace(Browser browser) {
        signIn(browser, "police@demo.test");
        browser.open("/alerts/new?template=suspicious-item");
        waitForBoroughs(browser);
        browser.type("headline", " ");
        browser.waitFor(By.cssSelector("label[for='area-polygon']")).click();
        assertThat(browser.driver()
                        .findElement(By.id("conditional-area-boroughs"))
                        .isDisplayed())
                .isFalse();
        WebElement map = browser.byTestId("area-map");
        for (int[] offset : new int[][] {{-20, -20}, {25, -15}, {0, 25}}) {
            new Actions(browser.driver())
                    .scrollToElement(map)
                    .moveToElement(map, offset[0], offset[1])
                    .click()
                    .perform();
        }
        assertThat(browser.byTestId("area-map-status").getText()).isEqualTo("The area has 3 corners.");
        String corners = browser.waitFor(By.id("polygon")).getDomProperty("value");
        assertThat(corners.split(";")).hasSize(3);

        browser.byTestId("preview").click();
        assertThat(browser.byTestId("error-summary").getText()).contains("Enter the headline.");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Write an alert – Cascade");
        assertThat(browser.waitFor(By.id("polygon")).getDomProperty("value")).isEqualTo(corners);
        waitForBoroughs(browser);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage("the corners and the area are drawn again")
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(
                        By.cssSelector("#area-map path[fill='#d4351c']"), 3));
        check(browser, "the alert form after a preview with a problem", "alert-form-preview-problem");

        browser.type("headline", "Suspicious item: cordon in place at Trafalgar Square");
        browser.byTestId("preview").click();
        assertThat(browser.byTestId("reach-summary").getText()).startsWith("If it went out now it would reach");
        assertThat(browser.driver().getTitle()).isEqualTo("Write an alert – Cascade");
        check(browser, "the alert form with the reach of a drawn area", "alert-form-polygon-reach");
    }

    /** The page a signed link in an alert email opens, for someone not signed in. */
    @Test
    void theSignedAcknowledgementLinkWorksWithoutSigningIn(Browser browser) {
        Viewer police = people.viewer(
                        people.findByEmail("police@demo.test").orElseThrow().id())
                .orElseThrow();
        Alert alert = authoring.publish(
                police,
                authoring
                        .draft(
                                police,
                                new AlertDraft(
                                        "Road closed: Strand "
                                                + UUID.randomUUID().toString().substring(0, 8),
                                        null,
                                        null,
                                        null,
                                        "Transport",
                                        "Expected",
                                        "Moderate",
                                        "Observed",
                                        null,
                                        "RED",
                                        Area.ofBoroughs(List.of("westminster")),
                                        new Audience(
                                                null,
                                                null,
                                                null,
                                                null,
                                                List.of(security().value())),
                                        null,
                                        60))
                        .id());
        browser.open("/alerts/" + alert.id() + "/ack?person=" + security() + "&signature="
                + links.sign(alert.id(), security()));
        assertThat(browser.byTestId("alert-headline").getText())
                .isEqualTo(alert.content().headline());
        assertThat(browser.byTestId("tlp-banner").getText()).startsWith("TLP:RED");
        check(browser, "the acknowledgement link's page", "alert-ack-link");

        browser.byTestId("acknowledge").click();
        assertThat(browser.byTestId("acknowledged").getText()).startsWith("You acknowledged this alert at ");
        check(browser, "the acknowledgement link's page after acknowledging", "alert-ack-link-done");
    }

    private PersonId security() {
        return people.findByEmail("security@demo.test").orElseThrow().id();
    }

    /** Fills in the form as an author would, checks who it will reach, and submits it. Answers its path. */
    private static String writeSevereAlertForWestminster(Browser browser, String headline) {
        browser.byTestId("nav-alerts").click();
        browser.byTestId("alerts-heading");
        check(browser, "the alerts list", "alerts-list");
        browser.byTestId("new-alert").click();
        waitForBoroughs(browser);
        check(browser, "the empty alert form", "alert-form");

        browser.type("headline", headline);
        browser.type("description", "Police are dealing with a suspicious item. A cordon of 100 metres is in place.");
        browser.type("instruction", "Keep staff and customers away from the cordon.");
        choose(browser, "category", "Security");
        choose(browser, "urgency", "Immediate");
        choose(browser, "severity", "Severe");
        choose(browser, "certainty", "Observed");
        browser.waitFor(By.cssSelector("label[for='tlp-amber']")).click();
        browser.type("expiresInMinutes", "120");
        browser.waitFor(By.cssSelector("label[for='area']")).click();
        browser.waitFor(By.cssSelector("label[for='boroughs-westminster']")).click();
        assertThat(browser.byTestId("area-map-status").getText()).isEqualTo("1 borough is chosen.");

        browser.byTestId("preview").click();
        assertThat(browser.byTestId("reach-summary").getText()).startsWith("If it went out now it would reach");
        assertThat(browser.byTestId("approval-needed").getText()).contains("needs a second person's approval");
        assertThat(browser.currentUrl()).as("htmx showed the reach in place").endsWith("/alerts/new");
        check(browser, "the alert form with its reach", "alert-form-reach");

        browser.byTestId("submit").click();
        assertThat(browser.byTestId("notice").getText()).contains("submitted for approval");
        assertThat(browser.byTestId("alert-headline").getText()).isEqualTo(headline);
        return browser.currentUrl().substring(browser.currentUrl().indexOf("/alerts/"));
    }

    /** Opens the alert from a section (tab) of the alerts list. */
    private static void openFromTheList(Browser browser, String section, String headline) {
        browser.byTestId("nav-alerts").click();
        browser.byTestId("tab-" + section).click();
        browser.waitFor(By.linkText(headline));
        check(browser, "the alerts list showing " + section + " alerts", "alerts-" + section);
        browser.waitFor(By.linkText(headline)).click();
        assertThat(browser.byTestId("alert-headline").getText()).isEqualTo(headline);
    }

    private static void approve(Browser browser) {
        browser.byTestId("approve").click();
        assertThat(browser.byTestId("notice").getText()).contains("approved and published");
    }

    private static String status(Browser browser) {
        return browser.byTestId("status").getText();
    }

    private static String ackCount(Browser browser) {
        return browser.byTestId("ack-count").getText();
    }

    private static void choose(Browser browser, String id, String value) {
        new Select(browser.waitFor(By.id(id))).selectByValue(value);
    }

    private static void signIn(Browser browser, String email) {
        browser.open("/sign-in");
        browser.type("email", email);
        browser.type("password", DemoAccounts.PASSWORD);
        browser.byTestId("sign-in").click();
        browser.byTestId("signed-in-person");
    }

    /** The borough outlines are drawn once the GeoJSON has loaded. */
    private static void waitForBoroughs(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .withMessage("the borough outlines are drawn")
                .until(ExpectedConditions.numberOfElementsToBeMoreThan(
                        By.cssSelector(".leaflet-overlay-pane path.leaflet-interactive"), 30));
    }

    private static void check(Browser browser, String page, String screenshot) {
        browser.screenshot(screenshot);
        browser.assertAccessible(page);
        browser.assertNoAppErrors();
    }
}

package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A report back to the police in real browsers: security@demo.test reports hostile reconnaissance
 * with a photo; police@demo.test, with the triage queue open, sees it arrive without a reload,
 * records a crime reference with a message; and the reporter, with the report open, sees the
 * feedback arrive. Every page is checked for accessibility and browser errors.
 */
@CascadeTest
@BrowserTest
class ReportJourneyBrowserTests {

    @Test
    void aReportArrivesLiveInTheQueueAndTheFeedbackLiveOnTheReport(Browser reporter, Browser police)
            throws IOException {
        String description = "Man filming the staff entrance and pacing out the barriers "
                + UUID.randomUUID().toString().substring(0, 8);

        signIn(police, "police@demo.test");
        police.open("/reports/queue");
        new WebDriverWait(police.driver(), Duration.ofSeconds(15))
                .withMessage("the queue connects to the live stream")
                .until(ExpectedConditions.textToBePresentInElement(police.byTestId("queue-status"), "Connected"));
        check(police, "the triage queue", "report-queue");

        signIn(reporter, "security@demo.test");
        reporter.byTestId("nav-reports").click();
        reporter.byTestId("new-report").click();
        check(reporter, "the empty report form", "report-form");
        fillIn(reporter, description);
        reporter.waitFor(By.cssSelector("label[for='immediateDanger']")).click();
        assertThat(reporter.byTestId("danger-warning").getText()).startsWith("Call 999 now");
        reporter.waitFor(By.cssSelector("label[for='immediateDanger-no']")).click();
        new WebDriverWait(reporter.driver(), Duration.ofSeconds(5))
                .until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector("[data-testid='danger-warning']")));
        new WebDriverWait(reporter.driver(), Duration.ofSeconds(10))
                .withMessage("the draft is saved as the person types")
                .until(ExpectedConditions.textToBePresentInElement(
                        reporter.byTestId("draft-status"), "Draft saved at"));
        reporter.waitFor(By.id("attachments")).sendKeys(photo().toString());
        check(reporter, "the filled-in report form", "report-form-filled");

        reporter.byTestId("submit-report").click();
        assertThat(reporter.byTestId("notice").getText()).contains("Your report was sent to the police with 1 file.");
        assertThat(reporter.byTestId("attachments").getText()).contains(".jpg");
        assertThat(reporter.byTestId("report-description").getText()).isEqualTo(description);
        String path = reporter.currentUrl().substring(reporter.currentUrl().indexOf("/reports/"));
        String id = path.substring("/reports/".length());
        check(reporter, "the sent report, as its reporter", "report-sent");

        WebElement arrived = new WebDriverWait(police.driver(), Duration.ofSeconds(15))
                .withMessage("the report appears in the open queue without a reload")
                .until(
                        d -> d
                                .findElements(By.cssSelector("[data-testid='queue-NEW'] [data-report-id='" + id + "']"))
                                .stream()
                                .findFirst()
                                .orElse(null));
        assertThat(arrived.getText()).contains("Hostile reconnaissance").contains("Just in");
        check(police, "the triage queue with a report that arrived live", "report-queue-live");

        arrived.findElement(By.tagName("a")).click();
        assertThat(police.byTestId("report-description").getText()).isEqualTo(description);
        new Select(police.waitFor(By.id("status"))).selectByValue("CRIME_RECORDED");
        police.type("message", "Recorded as a crime; the counter-terrorism adviser will visit tomorrow.");
        police.type("crimeReference", "4409876/26");
        police.byTestId("change-status").click();
        assertThat(police.byTestId("notice").getText()).contains("crime reference recorded");
        check(police, "the report after recording a crime reference", "report-crime-recorded");

        WebElement feedback = new WebDriverWait(reporter.driver(), Duration.ofSeconds(15))
                .withMessage("the reporter sees the police's feedback without a reload")
                .until(d -> d.findElements(By.cssSelector("[data-testid='timeline-text']")).stream()
                        .filter(e -> e.getText().contains("counter-terrorism adviser"))
                        .findFirst()
                        .orElse(null));
        assertThat(feedback.isDisplayed()).isTrue();
        assertThat(reporter.byTestId("status").getText()).isEqualTo("Crime reference recorded");
        check(reporter, "the report with live police feedback", "report-feedback-live");

        reporter.open(path);
        assertThat(reporter.byTestId("crime-reference").getText()).isEqualTo("4409876/26");
        reporter.open("/");
        assertThat(reporter.byTestId("report-statistics").getText()).contains("Reports by type");
        check(reporter, "the dashboard with report statistics", "dashboard-report-statistics");
    }

    private static void fillIn(Browser browser, String description) {
        new Select(browser.waitFor(By.id("type"))).selectByValue("HOSTILE_RECONNAISSANCE");
        ZonedDateTime earlier =
                ZonedDateTime.now(java.time.ZoneId.of("Europe/London")).minusHours(2);
        setValue(browser, "occurredDate", earlier.toLocalDate().toString());
        setValue(browser, "occurredTime", "%02d:%02d".formatted(earlier.getHour(), earlier.getMinute()));
        browser.waitFor(By.cssSelector("label[for='place']")).click();
        new Select(browser.waitFor(By.id("site"))).selectByIndex(1);
        browser.type("description", description);
    }

    /** Date and time inputs take typing in the browser's locale's order; the value is set as a script would. */
    private static void setValue(Browser browser, String id, String value) {
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        browser.waitFor(By.id(id)),
                        value);
    }

    /** A small JPEG photo, made here. */
    private static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1d70b8));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 32, 32);
        g.dispose();
        Path file = Files.createTempFile("cascade-report-photo-", ".jpg");
        ImageIO.write(image, "jpg", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static void signIn(Browser browser, String email) {
        browser.open("/sign-in");
        browser.type("email", email);
        browser.type("password", DemoAccounts.PASSWORD);
        browser.byTestId("sign-in").click();
        browser.byTestId("signed-in-person");
    }

    private static void check(Browser browser, String page, String screenshot) {
        browser.screenshot(screenshot);
        browser.assertAccessible(page);
        browser.assertNoAppErrors();
    }
}

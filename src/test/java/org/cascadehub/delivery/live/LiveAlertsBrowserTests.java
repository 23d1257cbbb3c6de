package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cascadehub.CascadeTest;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's live panel in a real browser: an alert broadcast to the signed-in person appears
 * once as a card, acknowledgement counts update, and Acknowledge posts with the CSRF token. Events
 * here are unsequenced so this shared application's ring of replayable events stays untouched.
 */
@CascadeTest
@BrowserTest
class LiveAlertsBrowserTests {

    @Autowired
    LiveStream stream;

    @Autowired
    People people;

    @Test
    void anAlertForTheGuardAppearsLiveOnTheirDashboardOnce(Browser browser) {
        PersonId guard = people.findByEmail("guard@demo.test").orElseThrow().id();
        browser.open("/sign-in");
        browser.type("email", "guard@demo.test");
        browser.type("password", DemoAccounts.PASSWORD);
        browser.byTestId("sign-in").click();
        browser.byTestId("dashboard-heading");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(browser.byTestId("live-status").getText()).startsWith("Connected"));

        stream.broadcast(alert(guard, 34, 12, "Severe", "Suspicious vehicle outside the Strand Arcade"));

        WebElement card = browser.byTestId("live-alert");
        assertThat(card.getText())
                .contains(
                        "Alert: Severe",
                        "Suspicious vehicle outside the Strand Arcade",
                        "TLP:AMBER",
                        "From Metropolitan Police Service",
                        "Area: Westminster");
        assertThat(card.findElement(By.linkText("Suspicious vehicle outside the Strand Arcade"))
                        .getDomAttribute("href"))
                .isEqualTo("/alerts/34");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("[data-live-announce-urgent]"))
                        .getDomProperty("textContent"))
                .contains("Suspicious vehicle outside the Strand Arcade");

        stream.broadcast(alert(guard, 34, 12, "Severe", "Suspicious vehicle outside the Strand Arcade"));
        stream.broadcast(alert(guard, 35, 13, "Moderate", "Road closed on the Strand"));
        await().untilAsserted(() -> assertThat(cards(browser)).hasSize(2));
        assertThat(cards(browser).getFirst().getText()).contains("Road closed on the Strand");

        browser.driver()
                .executeScript("var p = document.createElement('p'); p.setAttribute('data-ack-count-for', '34');"
                        + "p.setAttribute('data-testid', 'ack-count'); document.querySelector('main').append(p);");
        stream.broadcast(LiveEvent.unsequenced(
                "ack", utf8("{\"alertId\":34,\"acknowledged\":5,\"recipients\":19}"), Set.of(guard)));
        await().untilAsserted(() ->
                assertThat(browser.byTestId("ack-count").getText()).isEqualTo("5 of 19 acknowledged"));

        // The acknowledgement API belongs to the alerts work; here the page's request is recorded.
        browser.driver()
                .executeScript("window.cascadeAcks = []; window.fetch = function (url, init) {"
                        + " window.cascadeAcks.push({url: String(url), method: init.method, headers: init.headers});"
                        + " return Promise.resolve(new Response(null, {status: 204})); };");
        WebElement severe = cards(browser).get(1);
        severe.findElement(By.cssSelector("[data-testid='acknowledge']")).click();
        await().untilAsserted(() -> assertThat(severe.findElement(By.cssSelector("[data-testid='acknowledge-result']"))
                        .getText())
                .isEqualTo("Acknowledged"));
        Object recorded = browser.driver().executeScript("return window.cascadeAcks;");
        String token = browser.driver()
                .findElement(By.cssSelector("meta[name='_csrf']"))
                .getDomAttribute("content");
        String header = browser.driver()
                .findElement(By.cssSelector("meta[name='_csrf_header']"))
                .getDomAttribute("content");
        assertThat(token).isNotBlank();
        assertThat((List<?>) recorded).singleElement().satisfies(call -> {
            Map<?, ?> ack = (Map<?, ?>) call;
            assertThat((String) ack.get("url")).endsWith("/api/v1/alerts/34/ack");
            assertThat(ack.get("method")).isEqualTo("POST");
            assertThat(((Map<?, ?>) ack.get("headers")).get(header)).isEqualTo(token);
        });

        browser.screenshot("dashboard-live-alerts");
        browser.assertAccessible("the dashboard with live alerts");
        browser.assertNoAppErrors();
    }

    private static List<WebElement> cards(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[data-testid='live-alert']"));
    }

    private static LiveEvent alert(PersonId to, long alertId, long seq, String severity, String headline) {
        String json = """
                {"seq":%d,"alertId":%d,"msgType":"Alert","headline":"%s","description":"Described.",\
                "instruction":"Keep clear.","category":"Security","urgency":"Immediate","severity":"%s",\
                "certainty":"Likely","tlp":"AMBER","sender":"Metropolitan Police Service",\
                "sent":"2026-11-29T16:00:00Z","expires":"2026-11-29T20:00:00Z","areaDescription":"Westminster",\
                "note":null,"forwardedBy":null,"url":"/alerts/%d"}""".formatted(seq, alertId, headline, severity, alertId);
        return LiveEvent.unsequenced("alert", utf8(json), Set.of(to));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

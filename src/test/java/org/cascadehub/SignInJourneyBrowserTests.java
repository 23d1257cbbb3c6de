package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cascadehub.browser.Browser;
import org.cascadehub.browser.BrowserTest;
import org.cascadehub.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out in a real browser, with every page checked for accessibility and errors. */
@CascadeTest
@BrowserTest
class SignInJourneyBrowserTests {

    @Test
    void policeCoordinatorSignsInSeesTheDashboardAndSignsOut(Browser browser) {
        browser.open("/");
        assertThat(browser.currentUrl()).endsWith("/sign-in");
        browser.byTestId("sign-in");
        browser.screenshot("sign-in");
        browser.assertAccessible("the sign-in page");
        browser.assertNoAppErrors();

        signIn(browser, "police@demo.test", "not-the-password");
        assertThat(browser.byTestId("sign-in-error").getText())
                .isEqualTo("The email address or password is not right.");
        assertThat(browser.waitFor(By.cssSelector(".govuk-error-summary")).getText())
                .contains("There is a problem");
        assertThat(browser.waitFor(By.id("email")).getDomProperty("value")).isEqualTo("police@demo.test");
        assertThat(browser.driver().getTitle()).startsWith("Error: ");
        browser.screenshot("sign-in-error");
        browser.assertAccessible("the sign-in page showing an error");
        browser.assertNoAppErrors();

        signIn(browser, "police@demo.test", DemoAccounts.PASSWORD);
        assertThat(browser.byTestId("dashboard-heading").getText()).isEqualTo("Dashboard");
        assertThat(browser.byTestId("signed-in-person").getText()).isEqualTo("Sam Okafor");
        assertThat(browser.byTestId("signed-in-organisation").getText()).isEqualTo("Metropolitan Police – Westminster");
        browser.screenshot("dashboard");
        browser.assertAccessible("the dashboard");
        browser.assertNoAppErrors();

        browser.byTestId("sign-out").click();
        assertThat(browser.waitFor(By.cssSelector(".govuk-notification-banner")).getText())
                .contains("You have signed out.");
        assertThat(browser.currentUrl()).endsWith("/sign-in?signed-out=true");
        browser.screenshot("signed-out");
        browser.assertAccessible("the sign-in page after signing out");
        browser.assertNoAppErrors();

        browser.open("/");
        assertThat(browser.currentUrl()).endsWith("/sign-in");
    }

    /** Guards the guard: an axe check that never fails would pass every page. */
    @Test
    void accessibilityViolationsAreCaught(Browser browser) {
        browser.open("/sign-in");
        browser.byTestId("sign-in");

        browser.driver().executeScript("document.querySelector('label[for=email]').remove();");

        assertThatThrownBy(() -> browser.assertAccessible("the sign-in page without its email label"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label")
                .hasMessageContaining("#email");
    }

    /** Guards the guard: a silent console check would let every other journey pass unchecked. */
    @Test
    void contentSecurityPolicyViolationsAreCaught(Browser browser) {
        browser.open("/sign-in");
        browser.byTestId("sign-in");

        browser.driver()
                .executeScript(
                        "var s = document.createElement('script'); s.textContent = 'void 0'; document.head.append(s);");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(browser.cspViolations()).anySatisfy(v -> assertThat(v).contains("script-src"));
            assertThat(browser.consoleErrors()).anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
        });
    }

    private static void signIn(Browser browser, String email, String password) {
        browser.type("email", email);
        browser.type("password", password);
        browser.byTestId("sign-in").click();
    }
}

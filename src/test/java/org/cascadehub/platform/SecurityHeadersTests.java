package org.cascadehub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.util.regex.Pattern;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@CascadeTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndRefuseFraming() {
        Response page = new TestHttp(port).get("/sign-in", "Accept", "text/html");

        assertThat(page.header("content-security-policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.header("x-frame-options")).hasValue("DENY");
        assertThat(page.header("x-content-type-options")).hasValue("nosniff");
        assertThat(page.header("referrer-policy")).hasValue("same-origin");
        assertThat(page.header("strict-transport-security"))
                .as("no HSTS over plain HTTP")
                .isEmpty();
    }

    @Test
    void httpsResponsesCarryHsts() throws Exception {
        mvc.perform(get("/sign-in").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        TestHttp browser = new TestHttp(port);
        String signIn = browser.get("/sign-in", "Accept", "text/html").body();
        browser.signIn("guard@demo.test", "demo-password");
        String dashboard = browser.get("/", "Accept", "text/html").body();

        for (String html : new String[] {signIn, dashboard}) {
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                            .matcher(html)
                            .find())
                    .as("inline <script>")
                    .isFalse();
            assertThat(Pattern.compile("\\sstyle=\"").matcher(html).find())
                    .as("style attribute")
                    .isFalse();
            assertThat(Pattern.compile("<style").matcher(html).find())
                    .as("<style> element")
                    .isFalse();
            assertThat(Pattern.compile("\\son[a-z]+=\"").matcher(html).find())
                    .as("inline event handler")
                    .isFalse();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Response page = new TestHttp(port).get("/sign-in", "Accept", "text/html");

        assertThat(page.header("set-cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("CASCADE_SESSION=", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        TestHttp browser = new TestHttp(port);
        browser.signIn("guard@demo.test", "demo-password");

        Response forged = browser.post("/sign-out", "application/x-www-form-urlencoded", "", "Accept", "text/html");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/", "Accept", "text/html").status())
                .as("still signed in")
                .isEqualTo(200);
    }
}

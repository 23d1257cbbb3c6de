package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.CascadeApplication;
import org.cascadehub.directory.Role;
import org.cascadehub.platform.RunMode;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production mode, as configured by CASCADE_DB_URL against an external PostgreSQL (here a separate
 * embedded server standing in for one): no demo data, a first administrator from the environment,
 * and second-factor sign-in enforced for privileged roles.
 */
class ProductionModeTests {

    private static EmbeddedPostgres externalDatabase;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startInProductionMode() throws Exception {
        externalDatabase =
                EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        app = new SpringApplicationBuilder(CascadeApplication.class, TestPeople.class)
                .properties(
                        "CASCADE_DB_URL=" + externalDatabase.getJdbcUrl("postgres", "postgres"),
                        "CASCADE_DB_USER=postgres",
                        "CASCADE_SECRET_KEY=" + "0123456789abcdef".repeat(4),
                        "CASCADE_ADMIN_EMAIL=first-admin@example.test",
                        "CASCADE_ADMIN_PASSWORD=a long enough admin passphrase",
                        "server.port=0",
                        "server.address=127.0.0.1")
                .run();
        port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (externalDatabase != null) {
            externalDatabase.close();
        }
    }

    @Test
    void runsInProductionModeWithoutDemoData() {
        assertThat(app.getBean(RunMode.class)).isEqualTo(RunMode.PRODUCTION);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE email LIKE '%@demo.test'")
                        .query(Long.class)
                        .single())
                .isZero();
        var refused = new TestHttp(port)
                .postJson("/api/v1/tokens", json(Map.of("email", "police@demo.test", "password", "demo-password")));
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void theFirstAdministratorMustSetUpASecondFactorBeforeAnythingElse() {
        TestHttp browser = new TestHttp(port);

        Response signIn = browser.signIn("first-admin@example.test", "a long enough admin passphrase");

        assertThat(signIn.location()).endsWith("/account/two-factor");
        assertThat(browser.get("/", "Accept", "text/html").location()).endsWith("/account/two-factor");
        assertThat(browser.get("/api/v1/tokens").status()).isEqualTo(403);

        Response setup = browser.get("/account/two-factor", "Accept", "text/html");
        assertThat(setup.status()).isEqualTo(200);
        String secret = secretShownOn(setup.body());
        Response qr = browser.get("/account/two-factor/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));

        Response wrong = browser.postForm("/account/two-factor", Map.of("code", "12345"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("The code is not right");

        Response confirmed =
                browser.postForm("/account/two-factor", Map.of("code", Totp.code(secret, Totp.step(Instant.now()))));
        assertThat(confirmed.location()).endsWith("/");
        assertThat(browser.get("/", "Accept", "text/html").status()).isEqualTo(200);
    }

    @Test
    void aPrivilegedPersonWithASecondFactorEntersACodeAfterThePassword() {
        TestPerson police = app.getBean(TestPeople.class).create(Role.POLICE_COORDINATOR);
        String secret = Totp.newSecret();
        app.getBean(Credentials.class).enrolSecondFactor(police.id(), secret, Totp.step(Instant.now()) - 10);
        TestHttp browser = new TestHttp(port);

        assertThat(browser.signIn(police.email(), police.password()).location()).endsWith("/sign-in/code");
        assertThat(browser.get("/", "Accept", "text/html").location()).endsWith("/sign-in/code");

        browser.get("/sign-in/code", "Accept", "text/html");
        Response wrong = browser.postForm("/sign-in/code", Map.of("code", "abc"));
        assertThat(wrong.body()).contains("The code is not right");

        String before = browser.cookie("CASCADE_SESSION").orElseThrow();
        Response right = browser.postForm("/sign-in/code", Map.of("code", Totp.code(secret, Totp.step(Instant.now()))));
        assertThat(right.location()).endsWith("/");
        assertThat(browser.cookie("CASCADE_SESSION"))
                .as("a new session id after the second factor")
                .isNotEqualTo(java.util.Optional.of(before));
        assertThat(browser.get("/", "Accept", "text/html").status()).isEqualTo(200);
    }

    @Test
    void aPrivilegedPersonWithoutASecondFactorCannotCreateTokens() {
        TestPerson approver = app.getBean(TestPeople.class).create(Role.APPROVER);

        Response response = new TestHttp(port)
                .postJson("/api/v1/tokens", json(Map.of("email", approver.email(), "password", approver.password())));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("two-factor");
    }

    @Test
    void anUnprivilegedMemberSignsInWithAPasswordAlone() {
        TestPerson member = app.getBean(TestPeople.class).create(Role.MEMBER);
        TestHttp browser = new TestHttp(port);

        assertThat(browser.signIn(member.email(), member.password()).location()).endsWith("/");
        assertThat(browser.get("/", "Accept", "text/html").status()).isEqualTo(200);
    }

    private static String secretShownOn(String html) {
        Matcher matcher =
                Pattern.compile("data-testid=\"totp-secret\">([A-Z2-7 ]+)<").matcher(html);
        assertThat(matcher.find()).as("the setup key is shown").isTrue();
        return matcher.group(1).replace(" ", "");
    }
}

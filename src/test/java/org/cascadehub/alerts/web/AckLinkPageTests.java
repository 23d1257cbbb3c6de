package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.web.AlertPageFixtures.westminster;
import static org.cascadehub.support.PageHtml.hasTestId;
import static org.cascadehub.support.PageHtml.testId;

import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.AckLinks;
import org.cascadehub.alerts.Acknowledgements;
import org.cascadehub.alerts.Alert;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signed link in an alert email: it opens without signing in, shows the recipient the headline
 * and a button (opening it acknowledges nothing), and a link that does not verify for exactly that
 * alert and person is not found, saying nothing more.
 */
@CascadeTest
class AckLinkPageTests {

    @Autowired
    AckLinks links;

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    TestPeople testPeople;

    AlertPageFixtures fixtures;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        fixtures = AlertPageFixtures.of(context);
    }

    @Test
    void aGoodLinkShowsTheHeadlineAndOnlyTheButtonAcknowledges() {
        Alert alert = published("Red light " + UUID.randomUUID());
        PersonId security = fixtures.person("security@demo.test");
        String path = path(alert, security, links.sign(alert.id(), security));
        TestHttp mailbox = fixtures.anonymous();

        Response opened = mailbox.get(path);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(testId(opened.body(), "alert-headline"))
                .isEqualTo(alert.content().headline());
        assertThat(testId(opened.body(), "tlp-banner")).startsWith("TLP:AMBER");
        assertThat(hasTestId(opened.body(), "acknowledge")).isTrue();
        assertThat(mailbox.get(path).status()).isEqualTo(200);
        assertThat(acknowledgements.of(alert.id(), security))
                .as("following the link twice acknowledges nothing")
                .isEmpty();

        Response pressed = mailbox.postForm(
                "/alerts/" + alert.id() + "/ack",
                Map.of("person", security.toString(), "signature", links.sign(alert.id(), security)));
        assertThat(pressed.status()).isEqualTo(302);
        assertThat(pressed.location()).endsWith(path);
        String after = mailbox.get(AlertPageFixtures.local(pressed.location())).body();
        assertThat(testId(after, "notice")).contains("your acknowledgement is recorded");
        assertThat(testId(after, "acknowledged")).startsWith("You acknowledged this alert at ");
        assertThat(hasTestId(after, "acknowledge")).isFalse();
        assertThat(acknowledgements.of(alert.id(), security))
                .hasValueSatisfying(ack -> assertThat(ack.channel()).isEqualTo("email"));
    }

    @Test
    void aBadOrForgedLinkIsNotFound() {
        Alert alert = published("Forged " + UUID.randomUUID());
        PersonId security = fixtures.person("security@demo.test");
        PersonId guard = fixtures.person("guard@demo.test");
        String good = links.sign(alert.id(), security);
        TestHttp anyone = fixtures.anonymous();

        String missing = anyone.get(
                        "/alerts/999999999/ack?person=" + security + "&signature=" + good, "Accept", "text/html")
                .body();
        for (String bad : new String[] {
            path(alert, security, good.substring(1) + "A"),
            path(alert, guard, good),
            path(alert, security, ""),
            "/alerts/" + alert.id() + "/ack?person=not-a-person&signature=" + good,
            "/alerts/" + alert.id() + "/ack?person=" + security,
            "/alerts/" + alert.id() + "/ack"
        }) {
            Response response = anyone.get(bad, "Accept", "text/html");
            assertThat(response.status()).as(bad).isEqualTo(404);
            assertThat(withoutTokens(response.body()))
                    .as(bad)
                    .isEqualTo(withoutTokens(missing))
                    .doesNotContain(alert.content().headline());
        }

        anyone.get(path(alert, security, good));
        Response forged = anyone.postForm(
                "/alerts/" + alert.id() + "/ack", Map.of("person", guard.toString(), "signature", good));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(acknowledgements.of(alert.id(), guard)).isEmpty();

        PersonId outsider = testPeople.create(Role.MEMBER).id();
        assertThat(anyone.get(path(alert, outsider, links.sign(alert.id(), outsider)), "Accept", "text/html")
                        .status())
                .as("a correctly signed link for someone the alert was not sent to")
                .isEqualTo(404);
    }

    @Test
    void aLinkToAnAlertThatExpiredSaysSoAndAcknowledgesNothing(@Autowired JdbcClient jdbc) {
        Alert alert = published("Expired " + UUID.randomUUID());
        PersonId security = fixtures.person("security@demo.test");
        String signature = links.sign(alert.id(), security);
        String path = path(alert, security, signature);
        TestHttp mailbox = fixtures.anonymous();
        assertThat(hasTestId(mailbox.get(path).body(), "acknowledge")).isTrue();

        // The alert expires while the page is open; then the button is pressed.
        jdbc.sql("UPDATE alert SET status = 'EXPIRED' WHERE id = ?")
                .param(alert.id().value())
                .update();
        Response pressed = mailbox.postForm(
                "/alerts/" + alert.id() + "/ack", Map.of("person", security.toString(), "signature", signature));
        assertThat(pressed.status()).isEqualTo(302);
        String after = mailbox.get(AlertPageFixtures.local(pressed.location())).body();
        assertThat(testId(after, "warning")).contains("has expired, so it can no longer be acknowledged");
        assertThat(hasTestId(after, "notice")).isFalse();
        assertThat(testId(after, "closed")).contains("has expired");
        assertThat(hasTestId(after, "acknowledge")).isFalse();
        assertThat(acknowledgements.of(alert.id(), security)).isEmpty();
    }

    private Alert published(String headline) {
        return fixtures.published("police@demo.test", westminster(headline, "Minor", "AMBER"));
    }

    private static String path(Alert alert, PersonId person, String signature) {
        return "/alerts/" + alert.id() + "/ack?person=" + person + "&signature=" + signature;
    }

    /** The page's CSRF token differs per session; everything else must match. */
    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "");
    }
}

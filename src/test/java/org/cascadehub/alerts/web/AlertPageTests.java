package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.web.AlertPageFixtures.westminster;
import static org.cascadehub.support.PageHtml.hasTestId;
import static org.cascadehub.support.PageHtml.inlineError;
import static org.cascadehub.support.PageHtml.testId;

import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertStatus;
import org.cascadehub.alerts.Alerts;
import org.cascadehub.directory.Role;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An alert's page as each person sees it: the buttons follow {@code AlertPolicy}, an alert someone
 * may not see is not found like a missing one, and recipients acknowledge on screen.
 */
@CascadeTest
class AlertPageTests {

    @Autowired
    TestPeople testPeople;

    @Autowired
    Alerts alerts;

    @Autowired
    LiveStream liveStream;

    AlertPageFixtures fixtures;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        fixtures = AlertPageFixtures.of(context);
    }

    @Test
    void onlyAnApproverWhoDidNotWriteItSeesApproveAndReject() {
        Alert alert = fixtures.submitted("police@demo.test", westminster("Approve me " + unique(), "Severe", "AMBER"));
        String path = "/alerts/" + alert.id();

        String approver = fixtures.as("approver@demo.test").get(path).body();
        assertThat(hasTestId(approver, "approve")).isTrue();
        assertThat(hasTestId(approver, "reject")).isTrue();
        assertThat(testId(approver, "approval-rule")).contains("needs a second person's approval");
        assertThat(testId(approver, "tlp-banner"))
                .isEqualTo("TLP:AMBER Share only within your organisation and its clients, with people who need to"
                        + " know.");

        String author = fixtures.as("police@demo.test").get(path).body();
        assertThat(testId(author, "status")).isEqualTo("Awaiting approval");
        assertThat(hasTestId(author, "approve")).isFalse();
        assertThat(hasTestId(author, "reject")).isFalse();
        assertThat(hasTestId(fixtures.as("admin@demo.test").get(path).body(), "approve"))
                .as("administrators are not approvers")
                .isFalse();

        TestPerson approvingAuthor = testPeople.create(Role.POLICE_COORDINATOR, Role.APPROVER);
        TestHttp own = fixtures.signedIn(approvingAuthor.email(), approvingAuthor.password());
        own.get("/alerts/new");
        Map<String, String> form = AlertPageFixtures.validForm("My own " + unique());
        form.put("severity", "Severe");
        form.put("action", "submit");
        String ownPath =
                AlertPageFixtures.local(own.postForm("/alerts/new", form).location());
        assertThat(ownPath).startsWith("/alerts/");
        assertThat(hasTestId(own.get(ownPath).body(), "approve"))
                .as("an approver does not approve their own alert")
                .isFalse();
        assertThat(hasTestId(fixtures.as("approver@demo.test").get(ownPath).body(), "approve"))
                .isTrue();
    }

    @Test
    void anApproverRejectsWithAReasonOrApproves() {
        Alert alert = fixtures.submitted("police@demo.test", westminster("Reject me " + unique(), "Severe", "GREEN"));
        String path = "/alerts/" + alert.id();
        TestHttp approver = fixtures.as("approver@demo.test");
        approver.get(path);

        Response noReason = approver.postForm(path + "/reject", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(PageHtml.summaryLinks(noReason.body())).containsOnlyKeys("#reason");
        assertThat(inlineError(noReason.body(), "reason")).startsWith("Say why the alert is rejected");
        assertThat(alerts.find(alert.id()).orElseThrow().status()).isEqualTo(AlertStatus.SUBMITTED);

        assertThat(approver.postForm(path + "/reject", Map.of("reason", "Name the road"))
                        .location())
                .endsWith(path);
        String author = fixtures.as("police@demo.test").get(path).body();
        assertThat(testId(author, "status")).isEqualTo("Rejected");
        assertThat(testId(author, "rejection")).endsWith("Name the road");
        assertThat(hasTestId(author, "edit")).isTrue();

        Alert second = fixtures.submitted("police@demo.test", westminster("Approve " + unique(), "Severe", "GREEN"));
        approver.get("/alerts/" + second.id());
        approver.postForm("/alerts/" + second.id() + "/approve", Map.of());
        String published = approver.get("/alerts/" + second.id()).body();
        assertThat(testId(published, "status")).isEqualTo("Published");
        assertThat(testId(published, "notice")).contains("approved and published to");
        assertThat(testId(published, "ack-count")).matches("0 of \\d+ acknowledged");

        approver.postForm("/alerts/" + second.id() + "/approve", Map.of());
        assertThat(testId(approver.get("/alerts/" + second.id()).body(), "warning"))
                .as("approving twice is explained, not an error page")
                .contains("is published and cannot be approved");
    }

    @Test
    void anAmberAlertIsNotFoundForSomeoneItWasNotSentToExactlyLikeAMissingOne() {
        Alert alert = fixtures.published("police@demo.test", westminster("Amber " + unique(), "Minor", "AMBER"));
        TestPerson outsider = testPeople.create(Role.SECURITY_MANAGER);
        TestHttp http = fixtures.signedIn(outsider.email(), outsider.password());

        Response hidden = http.get("/alerts/" + alert.id(), "Accept", "text/html");
        Response missing = http.get("/alerts/999999999", "Accept", "text/html");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(withoutTokens(hidden.body())).isEqualTo(withoutTokens(missing.body()));
        assertThat(hidden.body()).doesNotContain(alert.content().headline());
        assertThat(http.get("/alerts/" + alert.id() + "/edit", "Accept", "text/html")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/alerts", "Accept", "text/html").body())
                .doesNotContain(alert.content().headline());

        String recipient =
                fixtures.as("security@demo.test").get("/alerts/" + alert.id()).body();
        assertThat(testId(recipient, "alert-headline"))
                .isEqualTo(alert.content().headline());
        assertThat(testId(recipient, "tlp")).isEqualTo("TLP:AMBER");
    }

    @Test
    void aRecipientAcknowledgesOnScreenAndSeesWhen() {
        Alert alert = fixtures.published("police@demo.test", westminster("Ack " + unique(), "Minor", "GREEN"));
        String path = "/alerts/" + alert.id();
        TestHttp security = fixtures.as("security@demo.test");
        String before = security.get(path).body();
        assertThat(hasTestId(before, "acknowledge")).isTrue();
        assertThat(hasTestId(before, "acknowledged")).isFalse();
        assertThat(hasTestId(before, "ack-count"))
                .as("recipients do not follow others' answers")
                .isFalse();
        assertThat(hasTestId(before, "approve")).isFalse();
        assertThat(hasTestId(before, "cancel")).isFalse();

        assertThat(security.postForm(path + "/acknowledge", Map.of()).location())
                .endsWith(path);
        String after = security.get(path).body();
        assertThat(testId(after, "acknowledged")).startsWith("You acknowledged at ");
        assertThat(hasTestId(after, "acknowledge")).isFalse();

        String author = fixtures.as("police@demo.test").get(path).body();
        assertThat(testId(author, "ack-count")).startsWith("1 of ");
        assertThat(author).contains("data-ack-count-for=\"" + alert.id() + "\"");
        assertThat(author.contains("data-ack-stream=\"/api/v1/stream\""))
                .as("the script follows the live stream only where the application serves it")
                .isEqualTo(liveStream.available());
        assertThat(testId(author, "acks-organisations")).contains("Strand Arcade Retail Ltd 1");
        assertThat(testId(author, "acks-waiting")).doesNotContain(fixtures.name("security@demo.test"));
        assertThat(hasTestId(author, "cancel")).isTrue();
        assertThat(hasTestId(author, "update")).isTrue();
        assertThat(testId(author, "history")).contains("Drafted");
    }

    @Test
    void anAuthorUpdatesAPublishedAlertThenCancelsIt() {
        Alert alert = fixtures.published("police@demo.test", westminster("Original " + unique(), "Minor", "GREEN"));
        String path = "/alerts/" + alert.id();
        TestHttp police = fixtures.as("police@demo.test");

        String form = police.get(path + "/update").body();
        assertThat(PageHtml.inputValue(form, "headline"))
                .isEqualTo(alert.content().headline());
        assertThat(PageHtml.checked(form, "boroughs-westminster")).isTrue();
        Map<String, String> update = AlertPageFixtures.validForm("Cordon widened " + unique());
        update.put("action", "publish");
        String updatePath = AlertPageFixtures.local(
                police.postForm(path + "/update", update).location());
        assertThat(updatePath).isNotEqualTo(path);
        String updated = police.get(updatePath).body();
        assertThat(testId(updated, "notice")).startsWith("Success The update is published to");
        assertThat(updated).contains("Update from ");
        assertThat(testId(updated, "versions"))
                .contains("(original) Superseded")
                .contains("(update) Published");

        police.postForm(updatePath + "/cancel", Map.of("cancelReason", "The item was safe"));
        String cancelled = police.get(updatePath).body();
        assertThat(testId(cancelled, "status")).isEqualTo("Cancelled");
        assertThat(testId(cancelled, "versions")).contains("(cancellation) Cancelled");
        assertThat(hasTestId(cancelled, "cancel")).isFalse();
    }

    @Test
    void aSectorLeadWhoReceivedItForwardsItWithANote() {
        Alert alert = fixtures.published("police@demo.test", westminster("Forward me " + unique(), "Minor", "GREEN"));
        String path = "/alerts/" + alert.id();
        assertThat(hasTestId(fixtures.as("security@demo.test").get(path).body(), "forward"))
                .isFalse();

        TestHttp lead = fixtures.as("retail-lead@demo.test");
        assertThat(hasTestId(lead.get(path).body(), "forward")).isTrue();
        String forwardPath =
                AlertPageFixtures.local(lead.postForm(path + "/forward", Map.of("note", "Retail: close the shutters"))
                        .location());
        String forward = lead.get(forwardPath).body();
        assertThat(testId(forward, "forward-note")).contains("Retail: close the shutters");
        assertThat(testId(fixtures.as("police@demo.test").get(path).body(), "forward-tree"))
                .contains("Retail: close the shutters");
    }

    @Test
    void theListShowsCurrentAlertsWithTheirTlpAndAuthorsTheirDrafts() {
        Alert current = fixtures.published("police@demo.test", westminster("Listed " + unique(), "Minor", "GREEN"));
        Alert draft = fixtures.draft("police@demo.test", westminster("My draft " + unique(), "Minor", "AMBER"));

        String police = fixtures.as("police@demo.test").get("/alerts").body();
        assertThat(testId(police, "alerts-current")).contains(current.content().headline() + " TLP:GREEN");
        assertThat(testId(police, "alerts-drafts")).contains(draft.content().headline() + " TLP:AMBER");
        assertThat(hasTestId(police, "new-alert")).isTrue();

        String security = fixtures.as("security@demo.test").get("/alerts").body();
        assertThat(testId(security, "alerts-current"))
                .contains(current.content().headline());
        assertThat(security).doesNotContain(draft.content().headline());
        assertThat(hasTestId(security, "tab-drafts")).isFalse();
        assertThat(hasTestId(security, "tab-awaiting")).isFalse();
        assertThat(hasTestId(security, "new-alert")).isFalse();
    }

    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

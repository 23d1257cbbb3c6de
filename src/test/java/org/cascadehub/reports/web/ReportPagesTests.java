package org.cascadehub.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.reports.web.ReportPageFixtures.unique;
import static org.cascadehub.support.PageHtml.hasTestId;
import static org.cascadehub.support.PageHtml.inlineError;
import static org.cascadehub.support.PageHtml.summaryLinks;
import static org.cascadehub.support.PageHtml.testId;

import java.util.List;
import java.util.Map;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportDraft;
import org.cascadehub.reports.ReportStatus;
import org.cascadehub.reports.Reports;
import org.cascadehub.reports.TestFiles;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The report pages as each person sees them: the form keeps everything on a problem and saves a
 * draft, a report someone may not see is not found exactly like a missing one, and only the police
 * see (and may use) the triage actions.
 */
@CascadeTest
class ReportPagesTests {

    static final ReportDraft.Sharing POLICE_ONLY = new ReportDraft.Sharing(null, null, null);

    @Autowired
    TestPeople testPeople;

    @Autowired
    Reports reports;

    ReportPageFixtures fixtures;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        fixtures = ReportPageFixtures.of(context);
    }

    @Test
    void aReportSentFromTheFormOpensOnItsPageWithTheWarningToCall999() {
        TestHttp security = fixtures.as("security@demo.test");
        security.get("/reports/new");
        Map<String, String> form = ReportPageFixtures.validForm("Man filming the loading bay " + unique());
        form.put("immediateDanger", "yes");

        Response sent = security.postForm("/reports/new", form);

        assertThat(sent.status()).isEqualTo(302);
        String page = security.get(ReportPageFixtures.local(sent.location())).body();
        assertThat(testId(page, "notice")).contains("Your report was sent to the police.");
        assertThat(testId(page, "report-heading")).isEqualTo("Hostile reconnaissance");
        assertThat(testId(page, "danger-warning")).startsWith("Call 999 now");
        assertThat(testId(page, "report-borough")).isEqualTo("Westminster");
        assertThat(testId(page, "tlp-banner")).startsWith("TLP:AMBER");
        assertThat(testId(page, "no-feedback")).startsWith("No response from the police yet");
        assertThat(hasTestId(page, "status-form"))
                .as("only the police change the status")
                .isFalse();
        assertThat(hasTestId(security.get("/reports/new").body(), "restored"))
                .as("the draft went with the sent report")
                .isFalse();
    }

    @Test
    void aFormWithProblemsComesBackWithEverythingTypedAndAMessageByEachField() {
        TestHttp guard = fixtures.as("guard@demo.test");
        guard.get("/reports/new");
        Map<String, String> form = ReportPageFixtures.validForm("<script>alert('x')</script> left a bag " + unique());
        form.remove("type");
        form.put("occurredDate", "2999-01-01");
        form.put("lat", "fifty-one");
        form.put("people[0].role", "");
        form.put("people[0].clothing", "Black puffer jacket");

        Response answer = guard.postForm("/reports/new", form);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("<title>Error: Report an incident – Cascade</title>");
        assertThat(summaryLinks(answer.body())).containsKey("#lat");
        assertThat(inlineError(answer.body(), "lat")).isEqualTo("The latitude must be a number, like 51.5111");
        assertThat(answer.body())
                .contains("value=\"fifty-one\"")
                .contains("value=\"Black puffer jacket\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; left a bag")
                .doesNotContain("<script>alert('x')</script>");

        form.put("lat", "51.5111");
        Response second = guard.postForm("/reports/new", form);
        assertThat(summaryLinks(second.body()).keySet()).contains("#type", "#occurredDate", "#people-0-role");
        assertThat(inlineError(second.body(), "occurredDate")).contains("future");
        assertThat(inlineError(second.body(), "type")).isEqualTo("Choose the type of incident");

        String restored = guard.get("/reports/new").body();
        assertThat(testId(restored, "restored")).startsWith("This is the report you were writing");
        assertThat(restored).contains("value=\"Black puffer jacket\"");
        guard.postForm("/reports/new", Map.of("action", "discard"));
    }

    @Test
    void aPhotoIsSentWithTheReportAndShownAsAThumbnail() {
        TestHttp security = fixtures.as("security@demo.test");
        String description = "Man photographing the barrier " + unique();

        Response sent = ReportPageFixtures.postWithFile(
                security,
                "/reports/new",
                "/reports/new",
                ReportPageFixtures.validForm(description),
                "barrier.jpg",
                TestFiles.jpeg(16, 12));

        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        String page = security.get(ReportPageFixtures.local(sent.location())).body();
        assertThat(testId(page, "notice")).endsWith("Your report was sent to the police with 1 file.");
        assertThat(testId(page, "attachments")).contains("barrier.jpg");
        assertThat(page).containsPattern("<img class=\"cascade-thumbnail\" src=\"/api/v1/reports/[^\"]+/attachments/");
    }

    @Test
    void aDisguisedFileSendsTheFormBackWithEverythingAndSavesNoReport() {
        TestHttp guard = fixtures.as("guard@demo.test");
        String description = "Suspicious parcel by the door " + unique();
        byte[] program =
                "MZ\u0090\u0000 this is a Windows program".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        Response answer = ReportPageFixtures.postWithFile(
                guard, "/reports/new", "/reports/new", ReportPageFixtures.validForm(description), "photo.jpg", program);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(summaryLinks(answer.body())).containsKey("#attachments");
        assertThat(inlineError(answer.body(), "attachments")).startsWith("'photo.jpg': ");
        assertThat(answer.body()).contains(description);
        assertThat(reports.search(
                                fixtures.viewer("guard@demo.test"),
                                new org.cascadehub.reports.ReportQuery(
                                        description.substring(description.length() - 8), null, null, null, null, null),
                                1,
                                5)
                        .total())
                .as("the report went back with its file")
                .isZero();
        guard.postForm("/reports/new", Map.of("action", "discard"));
    }

    @Test
    void theAutosaveKeepsTheFormAndSaysWhereThePointIs() {
        TestPerson member = testPeople.create(Role.MEMBER);
        TestHttp http = fixtures.signedIn(member.email(), member.password());
        http.get("/reports/new");

        Response saved = http.postForm(
                "/reports/new/draft",
                Map.of("description", "Half written " + unique(), "lat", "51.5111", "lon", "-0.1200"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(testId(saved.body(), "draft-saved")).startsWith("Draft saved at");
        assertThat(testId(saved.body(), "borough")).isEqualTo("Borough: Westminster");
        assertThat(http.get("/reports/new").body()).contains("Half written ");
    }

    @Test
    void addingAPersonOrVehicleWorksWithoutJavaScriptAndKeepsTheRest() {
        TestHttp guard = fixtures.as("guard@demo.test");
        guard.get("/reports/new");
        Map<String, String> form = ReportPageFixtures.validForm("Two men in a van " + unique());
        form.put("action", "add-vehicle");

        String page = guard.postForm("/reports/new", form).body();

        assertThat(page).contains("id=\"vehicles-0-make\"").contains("Two men in a van ");
        form.put("vehicles[0].make", "Ford");
        form.put("action", "add-person");
        String again = guard.postForm("/reports/new", form).body();
        assertThat(again).contains("id=\"people-0-role\"").contains("value=\"Ford\"");
        guard.postForm("/reports/new", Map.of("action", "discard"));
    }

    @Test
    void aReportSomeoneMayNotSeeIsNotFoundExactlyLikeAMissingOne() {
        Report report = fixtures.submitted("security@demo.test", "AMBER", POLICE_ONLY);
        TestPerson outsider = testPeople.create(Role.SECURITY_MANAGER);
        TestHttp http = fixtures.signedIn(outsider.email(), outsider.password());

        Response hidden = http.get("/reports/" + report.id(), "Accept", "text/html");
        Response missing = http.get("/reports/00000000-0000-4000-8000-000000000000", "Accept", "text/html");
        Response malformed = http.get("/reports/not-an-id", "Accept", "text/html");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(report.description());
        assertThat(http.get("/reports?q=filming", "Accept", "text/html").body())
                .doesNotContain(report.id().toString());
        http.get("/reports");
        assertThat(http.postForm("/reports/" + report.id() + "/messages", Map.of("body", "Hello"))
                        .status())
                .isEqualTo(404);
        assertThat(http.postForm("/reports/" + report.id() + "/status", Map.of("status", "CLOSED"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyThePoliceSeeTheTriageActionsAndOthersAreRefused() {
        Report report = fixtures.submitted("security@demo.test", "GREEN", POLICE_ONLY);
        String path = "/reports/" + report.id();

        String police = fixtures.as("police@demo.test").get(path).body();
        assertThat(hasTestId(police, "status-form")).isTrue();
        assertThat(hasTestId(police, "link-form")).isTrue();
        assertThat(hasTestId(police, "promote-form")).isTrue();

        TestHttp lead = fixtures.as("retail-lead@demo.test");
        String seen = lead.get(path).body();
        assertThat(testId(seen, "report-heading")).isEqualTo("Hostile reconnaissance");
        assertThat(hasTestId(seen, "status-form")).isFalse();
        assertThat(hasTestId(seen, "message-form"))
                .as("messages are for the police and the reporter")
                .isFalse();
        assertThat(lead.postForm(path + "/status", Map.of("status", "CLOSED")).status())
                .isEqualTo(403);
        assertThat(lead.postForm(path + "/alert-draft", Map.of()).status()).isEqualTo(403);
        assertThat(lead.get("/reports/queue", "Accept", "text/html").status()).isEqualTo(403);
        assertThat(reports.find(report.id()).orElseThrow().status()).isEqualTo(ReportStatus.NEW);
    }

    @Test
    void thePoliceRecordACrimeReferenceAndTheReporterSeesTheFeedback() {
        Report report = fixtures.submitted("security@demo.test", "AMBER", POLICE_ONLY);
        String path = "/reports/" + report.id();
        TestHttp police = fixtures.as("police@demo.test");
        police.get(path);

        Response missing = police.postForm(path + "/status", Map.of("status", "CRIME_RECORDED", "message", "Thanks"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(inlineError(missing.body(), "crimeReference")).isEqualTo("Give the crime reference");
        assertThat(missing.body()).contains(">Thanks</textarea>");

        police.postForm(
                path + "/status",
                Map.of(
                        "status",
                        "CRIME_RECORDED",
                        "message",
                        "Recorded; an officer will call.",
                        "crimeReference",
                        "4401234/26"));

        String reporter = fixtures.as("guard@demo.test").get(path).body();
        assertThat(testId(reporter, "crime-reference")).isEqualTo("4401234/26");
        assertThat(testId(reporter, "timeline"))
                .contains("Crime reference recorded")
                .contains("Recorded; an officer will call.");
    }

    @Test
    void theQueueGroupsTheCoordinatorsBoroughsOpenReportsByStatus() {
        Report report = fixtures.submitted(
                "security@demo.test",
                "RED",
                new ReportDraft.Sharing(
                        null,
                        null,
                        List.of(fixtures.viewer("security@demo.test").personId().toString())));
        TestHttp police = fixtures.as("police@demo.test");

        String queue = police.get("/reports/queue").body();

        assertThat(testId(queue, "queue-boroughs")).isEqualTo("Showing Westminster");
        assertThat(testId(queue, "queue-NEW")).contains("Hostile reconnaissance");
        assertThat(queue).contains("data-report-id=\"" + report.id() + "\"");
        assertThat(police.get("/reports/queue?borough=croydon").body())
                .doesNotContain(report.id().toString());
        assertThat(police.get("/reports/queue?all=yes").body())
                .contains(report.id().toString());
    }

    @Test
    void theListSearchesOnlyWhatTheViewerMaySee() {
        Report red = fixtures.submitted(
                "security@demo.test",
                "RED",
                new ReportDraft.Sharing(
                        null,
                        null,
                        List.of(fixtures.viewer("security@demo.test").personId().toString())));
        String guard = fixtures.as("guard@demo.test")
                .get("/reports?type=HOSTILE_RECONNAISSANCE")
                .body();
        assertThat(guard).doesNotContain(red.id().toString());
        String security = fixtures.as("security@demo.test")
                .get("/reports?type=HOSTILE_RECONNAISSANCE&borough=westminster")
                .body();
        assertThat(security).contains(red.id().toString());
        assertThat(testId(security, "found-count")).endsWith("reports");
    }

    @Test
    void theDashboardChartsCountOnlyVisibleReportsAndOfferTheCsv() {
        String dashboard = fixtures.as("police@demo.test").get("/").body();

        assertThat(dashboard).contains("<svg").contains("role=\"img\"");
        assertThat(hasTestId(dashboard, "chart-by-type")).isTrue();
        assertThat(hasTestId(dashboard, "chart-by-borough")).isTrue();
        assertThat(hasTestId(dashboard, "chart-by-month")).isTrue();
        assertThat(hasTestId(dashboard, "chart-feedback")).isTrue();
        assertThat(hasTestId(dashboard, "chart-median-response-by-month")).isTrue();
        assertThat(hasTestId(dashboard, "chart-feedback-share-by-month")).isTrue();
        assertThat(testId(dashboard, "median-response")).doesNotContain("No responses yet");
        assertThat(Long.parseLong(testId(dashboard, "statistics-total"))).isGreaterThanOrEqualTo(450);
        long guardCount =
                Long.parseLong(testId(fixtures.as("guard@demo.test").get("/").body(), "statistics-total"));
        assertThat(guardCount)
                .as("a member sees fewer reports than the police")
                .isLessThan(Long.parseLong(testId(dashboard, "statistics-total")));
    }
}

package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.web.AlertPageFixtures.validForm;
import static org.cascadehub.support.PageHtml.checked;
import static org.cascadehub.support.PageHtml.inlineError;
import static org.cascadehub.support.PageHtml.inputValue;
import static org.cascadehub.support.PageHtml.selected;
import static org.cascadehub.support.PageHtml.summaryLinks;
import static org.cascadehub.support.PageHtml.testId;
import static org.cascadehub.support.PageHtml.textareaText;

import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.alerts.Reach;
import org.cascadehub.support.PageHtml;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert form without JavaScript: templates fill it in, every problem is named beside its field
 * with nothing saved, "Check who it will reach" shows the counts, and the buttons save, submit or
 * publish.
 */
@CascadeTest
class AlertFormPageTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertAuthoring authoring;

    AlertPageFixtures fixtures;

    @BeforeEach
    void setUp(@Autowired ApplicationContext context) {
        fixtures = AlertPageFixtures.of(context);
    }

    @Test
    void aTemplateFillsInTheForm() {
        String form = fixtures.as("police@demo.test")
                .get("/alerts/new?template=road-closure")
                .body();
        assertThat(testId(form, "template-used")).contains("Road closure");
        assertThat(inputValue(form, "headline")).isEqualTo("Road closed: [road] between [junction] and [junction]");
        assertThat(inputValue(form, "event")).isEqualTo("Road closure");
        assertThat(textareaText(form, "instruction")).startsWith("Plan deliveries");
        assertThat(selected(form, "category")).isEqualTo("Transport");
        assertThat(selected(form, "severity")).isEqualTo("Moderate");
        assertThat(selected(form, "responseType")).isEqualTo("Avoid");
        assertThat(checked(form, "tlp-green")).isTrue();
        assertThat(checked(form, "tlp")).as("CLEAR is not chosen").isFalse();
        assertThat(inputValue(form, "expiresInMinutes")).isEqualTo("240");
        assertThat(form).contains("Westminster").contains("TLP:AMBER+STRICT");

        String blank = fixtures.as("police@demo.test").get("/alerts/new").body();
        assertThat(inputValue(blank, "headline")).isNullOrEmpty();
        assertThat(blank).contains("data-testid=\"template-suspicious-item\"");
    }

    @Test
    void everyProblemIsNamedBesideItsFieldAndNothingIsSaved() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        String marker = "nothing saved " + UUID.randomUUID();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("action", "draft");
        fields.put("headline", "");
        fields.put("instruction", marker);
        fields.put("category", "Weather");
        fields.put("severity", "Severe");
        fields.put("certainty", "Observed");
        fields.put("tlp", "PURPLE");
        fields.put("expiry", "minutes");
        fields.put("expiresInMinutes", "soon");
        fields.put("area", "polygon");
        fields.put("polygon", "51.51,-0.12; north,south");
        fields.put("organisations", "Strand Arcade Retail Ltd\nNo Such Shop Ltd");
        Response wrong = police.postForm("/alerts/new", fields);

        assertThat(wrong.status()).isEqualTo(200);
        String page = wrong.body();
        assertThat(page).contains("<title>Error: Write an alert");
        assertThat(summaryLinks(page))
                .containsOnlyKeys(
                        "#headline",
                        "#category",
                        "#urgency",
                        "#tlp",
                        "#expiresInMinutes",
                        "#polygon",
                        "#organisations");
        assertThat(inlineError(page, "headline")).isEqualTo("Enter the headline.");
        assertThat(inlineError(page, "category")).contains("'Weather' is not a CAP category");
        assertThat(inlineError(page, "urgency")).startsWith("Choose the urgency");
        assertThat(inlineError(page, "tlp")).contains("not a TLP 2.0 label");
        assertThat(inlineError(page, "expiresInMinutes")).isEqualTo("The minutes must be a whole number, like 120.");
        assertThat(inlineError(page, "polygon")).contains("Point 2 ('north,south')");
        assertThat(inlineError(page, "organisations"))
                .isEqualTo("There is no organisation called 'No Such Shop Ltd': give its name as the directory"
                        + " spells it, or its id.");
        assertThat(inlineError(page, "area"))
                .as("the area's problem is told once, at the polygon")
                .isNull();
        assertThat(textareaText(page, "polygon")).isEqualTo("51.51,-0.12; north,south");
        assertThat(textareaText(page, "instruction")).isEqualTo(marker);
        assertThat(saved(marker)).isZero();

        Map<String, String> form = validForm("Too wide");
        form.put("instruction", marker);
        form.put("area", "circle");
        form.put("circleLat", "51.51");
        form.put("circleLon", "-0.12");
        form.put("circleRadiusKm", "80");
        form.put("expiry", "at");
        form.put("expiresAt", "2001-01-01T10:00");
        form.put("action", "submit");
        String tooWide = police.postForm("/alerts/new", form).body();
        assertThat(summaryLinks(tooWide)).containsOnlyKeys("#circleRadiusKm", "#expiresAt");
        assertThat(inlineError(tooWide, "circleRadiusKm")).contains("at most 50 km");
        assertThat(inlineError(tooWide, "expiresAt")).isEqualTo("The expiry time has already passed.");
        assertThat(checked(tooWide, "area-circle")).isTrue();
        assertThat(checked(tooWide, "expiry-at")).isTrue();

        form.put("area", "boroughs");
        form.remove("boroughs");
        form.put("expiry", "minutes");
        String noBorough = police.postForm("/alerts/new", form).body();
        assertThat(summaryLinks(noBorough)).containsOnlyKeys("#boroughs");
        assertThat(inlineError(noBorough, "boroughs")).isEqualTo("Choose at least one borough.");
        assertThat(saved(marker)).isZero();
    }

    @Test
    void publishingAnAlertThatNeedsApprovalIsRefusedBeforeAnythingIsSaved() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        String marker = "needs approval " + UUID.randomUUID();
        Map<String, String> form = validForm(marker);
        form.put("severity", "Severe");
        form.put("action", "publish");

        String page = police.postForm("/alerts/new", form).body();
        assertThat(summaryLinks(page)).containsOnlyKeys("#action-submit");
        assertThat(inlineError(page, "approval")).contains("Submit for approval");
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE headline = ?")
                        .param(marker)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void checkingWhoItWillReachShowsTheCountsWithoutSaving() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        String marker = "preview " + UUID.randomUUID();
        Map<String, String> form = validForm(marker);
        form.put("sectors", "retail");
        form.put("action", "preview");
        Reach expected = authoring.preview(
                fixtures.viewer("police@demo.test"),
                new AlertDraft(
                        marker,
                        null,
                        null,
                        null,
                        "Security",
                        "Immediate",
                        "Minor",
                        "Observed",
                        null,
                        "GREEN",
                        Area.ofBoroughs(java.util.List.of("westminster")),
                        Audience.sectors(java.util.List.of("retail")),
                        null,
                        120));
        assertThat(expected.people()).isPositive();

        for (String htmx : new String[] {"no", "yes"}) {
            Response preview = htmx.equals("yes")
                    ? police.post(
                            "/alerts/new",
                            "application/x-www-form-urlencoded",
                            encoded(form, police),
                            "HX-Request",
                            "true")
                    : police.postForm("/alerts/new", form);
            assertThat(preview.status()).isEqualTo(200);
            String page = preview.body();
            assertThat(testId(page, "reach-summary"))
                    .isEqualTo("If it went out now it would reach " + people(expected.people()) + " in "
                            + organisations(expected.organisations()) + ".");
            assertThat(testId(page, "reach-boroughs"))
                    .contains("Westminster " + expected.byBorough().get("westminster"));
            assertThat(testId(page, "reach-sectors"))
                    .contains("Retail " + expected.bySector().get("retail"));
            assertThat(testId(page, "reach-channels")).contains("On screen " + expected.people());
            assertThat(testId(page, "approval-needed")).isEqualTo("As written, you may publish it at once.");
            assertThat(PageHtml.checkedValues(page, "sectors")).containsExactly("retail");
        }

        form.put("severity", "Extreme");
        assertThat(testId(police.postForm("/alerts/new", form).body(), "approval-needed"))
                .startsWith("As written, it needs a second person's approval");
        assertThat(jdbc.sql("SELECT count(*) FROM alert WHERE headline = ?")
                        .param(marker)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aPreviewWithProblemsAsksHtmxToShowTheWholeForm() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        Map<String, String> form = validForm("");
        form.put("action", "preview");
        Response preview = police.post(
                "/alerts/new", "application/x-www-form-urlencoded", encoded(form, police), "HX-Request", "true");
        assertThat(preview.header("HX-Retarget")).contains("#main-content");
        assertThat(preview.header("HX-Reselect")).contains("#main-content");
        assertThat(inlineError(preview.body(), "headline")).isEqualTo("Enter the headline.");
    }

    @Test
    void theButtonsSaveADraftSubmitItOrPublishIt() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        Map<String, String> form = validForm("Saved " + UUID.randomUUID());
        form.put("action", "draft");
        Response draft = police.postForm("/alerts/new", form);
        assertThat(draft.status()).isEqualTo(302);
        String draftPage = police.get(AlertPageFixtures.local(draft.location())).body();
        assertThat(testId(draftPage, "notice")).contains("The alert is saved as a draft.");
        assertThat(testId(draftPage, "status")).isEqualTo("Draft");
        assertThat(testId(draftPage, "approval-rule")).contains("needs no approval");

        String edit =
                police.get(AlertPageFixtures.local(draft.location()) + "/edit").body();
        assertThat(inputValue(edit, "headline")).isEqualTo(form.get("headline"));
        assertThat(checked(edit, "boroughs"))
                .as("Barking and Dagenham, the first, is not chosen")
                .isFalse();
        assertThat(checked(edit, "boroughs-westminster")).isTrue();
        assertThat(checked(edit, "expiry-at")).isTrue();
        Map<String, String> changed = validForm("Changed and published");
        changed.put("action", "publish");
        Response published = police.postForm(AlertPageFixtures.local(draft.location()) + "/edit", changed);
        assertThat(published.location()).isEqualTo(draft.location());
        String publishedPage =
                police.get(AlertPageFixtures.local(draft.location())).body();
        assertThat(testId(publishedPage, "notice")).matches("Success The alert is published to \\d+ people\\.");
        assertThat(testId(publishedPage, "status")).isEqualTo("Published");
        assertThat(testId(publishedPage, "alert-headline")).isEqualTo("Changed and published");

        Map<String, String> severe = validForm("Severe " + UUID.randomUUID());
        severe.put("severity", "Severe");
        severe.put("action", "submit");
        Response submitted = police.postForm("/alerts/new", severe);
        String submittedPage =
                police.get(AlertPageFixtures.local(submitted.location())).body();
        assertThat(testId(submittedPage, "notice")).contains("submitted for approval");
        assertThat(testId(submittedPage, "status")).isEqualTo("Awaiting approval");
    }

    @Test
    void organisationsAreNamedAndPeopleGivenByEmail() {
        TestHttp police = fixtures.as("police@demo.test");
        police.get("/alerts/new");
        Map<String, String> form = validForm("Named " + UUID.randomUUID());
        form.put("organisations", "strand arcade retail ltd\n");
        form.put("people", " guard@demo.test ");
        Response saved = police.postForm("/alerts/new", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        String path = AlertPageFixtures.local(saved.location());

        String page = police.get(path).body();
        assertThat(testId(page, "audience"))
                .contains("Organisations Strand Arcade Retail Ltd")
                .contains("People " + fixtures.name("guard@demo.test") + ", Strand Arcade Retail Ltd");
        String edit = police.get(path + "/edit").body();
        assertThat(textareaText(edit, "organisations")).isEqualTo("Strand Arcade Retail Ltd");
        assertThat(textareaText(edit, "people")).isEqualTo("guard@demo.test");

        form.put("people", "nobody@example.test");
        String wrong = police.postForm(path + "/edit", form).body();
        assertThat(inlineError(wrong, "people"))
                .isEqualTo("There is nobody with the email address 'nobody@example.test': give their email address,"
                        + " or their id.");
    }

    @Test
    void membersCannotOpenTheForm() {
        assertThat(fixtures.as("security@demo.test")
                        .get("/alerts/new", "Accept", "text/html")
                        .status())
                .isEqualTo(403);
    }

    private int saved(String instruction) {
        return jdbc.sql("SELECT count(*) FROM alert WHERE instruction = ?")
                .param(instruction)
                .query(Integer.class)
                .single();
    }

    /** A form body with the session's CSRF token, for posts with extra headers. */
    private static String encoded(Map<String, String> form, TestHttp http) {
        StringBuilder body = new StringBuilder();
        form.forEach(
                (k, v) -> body.append(encode(k)).append('=').append(encode(v)).append('&'));
        return body.append("_csrf=").append(encode(csrf(http))).toString();
    }

    private static String csrf(TestHttp http) {
        String page = http.get("/alerts/new").body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }

    private static String organisations(int count) {
        return count == 1 ? "1 organisation" : count + " organisations";
    }
}

package org.cascadehub.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportDraft;
import org.cascadehub.reports.ReportSubmission;
import org.cascadehub.support.TestHttp;
import org.springframework.context.ApplicationContext;

/**
 * Helpers for the report page tests: sessions signed in through the form, reports submitted
 * straight through the service (each test makes its own), and reading a page's messages.
 */
final class ReportPageFixtures {

    private final int port;
    private final People people;
    private final ReportSubmission submission;

    private ReportPageFixtures(int port, People people, ReportSubmission submission) {
        this.port = port;
        this.people = people;
        this.submission = submission;
    }

    static ReportPageFixtures of(ApplicationContext context) {
        return new ReportPageFixtures(
                Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")),
                context.getBean(People.class),
                context.getBean(ReportSubmission.class));
    }

    TestHttp as(String demoEmail) {
        return signedIn(demoEmail, DemoAccounts.PASSWORD);
    }

    TestHttp signedIn(String email, String password) {
        TestHttp http = new TestHttp(port);
        assertThat(http.signIn(email, password).location())
                .as("signing in as " + email)
                .endsWith("/");
        return http;
    }

    Viewer viewer(String email) {
        return people.viewer(people.findByEmail(email).orElseThrow().id()).orElseThrow();
    }

    /** A report of hostile reconnaissance on the Strand, under {@code tlp}, shared as the draft says. */
    Report submitted(String email, String tlp, ReportDraft.Sharing sharing) {
        return submission.submit(viewer(email), draft("Man filming the entrance " + unique(), tlp, sharing));
    }

    static ReportDraft draft(String description, String tlp, ReportDraft.Sharing sharing) {
        return new ReportDraft(
                "HOSTILE_RECONNAISSANCE",
                java.time.Instant.now().minusSeconds(3600).toString(),
                new ReportDraft.Location(51.5111, -0.1200),
                null,
                description,
                null,
                null,
                false,
                tlp,
                sharing);
    }

    /** The fields of a complete, valid report form for the Strand, happening an hour ago. */
    static Map<String, String> validForm(String description) {
        java.time.ZonedDateTime at =
                java.time.ZonedDateTime.now(ReportFormReading.LONDON).minusHours(1);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "HOSTILE_RECONNAISSANCE");
        form.put("occurredDate", at.toLocalDate().toString());
        form.put("occurredTime", "%02d:%02d".formatted(at.getHour(), at.getMinute()));
        form.put("place", "point");
        form.put("lat", "51.5111");
        form.put("lon", "-0.1200");
        form.put("description", description);
        form.put("immediateDanger", "no");
        form.put("tlp", "AMBER");
        return form;
    }

    /**
     * Posts {@code fields} and one file as multipart/form-data, as the report form does, with the
     * CSRF token of {@code page} (the form the browser would have shown).
     */
    static TestHttp.Response postWithFile(
            TestHttp http, String page, String path, Map<String, String> fields, String fileName, byte[] content) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(http.get(page).body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        String boundary = "----cascade-form-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token.group(1));
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), "Accept", "text/html");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String local(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}

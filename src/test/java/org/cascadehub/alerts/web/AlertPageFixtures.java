package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.Area;
import org.cascadehub.alerts.Audience;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.springframework.context.ApplicationContext;

/**
 * Helpers for the alert page tests: sessions signed in through the form, alerts written straight
 * through the services (each test makes its own), and reading a page's form values and messages.
 */
final class AlertPageFixtures {

    private final int port;
    private final People people;
    private final AlertAuthoring authoring;

    private AlertPageFixtures(int port, People people, AlertAuthoring authoring) {
        this.port = port;
        this.people = people;
        this.authoring = authoring;
    }

    static AlertPageFixtures of(ApplicationContext context) {
        return new AlertPageFixtures(
                Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")),
                context.getBean(People.class),
                context.getBean(AlertAuthoring.class));
    }

    /** A session signed in as a demo account (with its right password: failures would count). */
    TestHttp as(String demoEmail) {
        return signedIn(demoEmail, DemoAccounts.PASSWORD);
    }

    TestHttp signedIn(String email, String password) {
        TestHttp http = new TestHttp(port);
        Response signIn = http.signIn(email, password);
        assertThat(signIn.location()).as("signing in as " + email).endsWith("/");
        return http;
    }

    /** A redirect's target as a path on this server (Tomcat sends absolute locations). */
    static String local(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    TestHttp anonymous() {
        return new TestHttp(port);
    }

    PersonId person(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    String name(String email) {
        return people.findByEmail(email).orElseThrow().name();
    }

    Viewer viewer(String email) {
        return people.viewer(person(email)).orElseThrow();
    }

    /** A draft for Westminster, everyone there, two hours long. */
    static AlertDraft westminster(String headline, String severity, String tlp) {
        return new AlertDraft(
                headline,
                null,
                "A cordon is in place.",
                "Keep staff away from the cordon.",
                "Security",
                "Immediate",
                severity,
                "Observed",
                null,
                tlp,
                Area.ofBoroughs(List.of("westminster")),
                Audience.everyone(),
                null,
                120);
    }

    Alert draft(String author, AlertDraft draft) {
        return authoring.draft(viewer(author), draft);
    }

    Alert submitted(String author, AlertDraft draft) {
        Viewer viewer = viewer(author);
        return authoring.submit(viewer, authoring.draft(viewer, draft).id());
    }

    /** Published by its author: the draft must need no approval (not Severe, not CLEAR). */
    Alert published(String author, AlertDraft draft) {
        Viewer viewer = viewer(author);
        return authoring.publish(viewer, authoring.draft(viewer, draft).id());
    }

    /** The fields of a complete, valid alert form for Westminster. */
    static Map<String, String> validForm(String headline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", headline);
        form.put("description", "A cordon is in place.");
        form.put("instruction", "Keep staff away from the cordon.");
        form.put("category", "Security");
        form.put("urgency", "Immediate");
        form.put("severity", "Minor");
        form.put("certainty", "Observed");
        form.put("tlp", "GREEN");
        form.put("expiry", "minutes");
        form.put("expiresInMinutes", "120");
        form.put("area", "boroughs");
        form.put("boroughs", "westminster");
        return form;
    }

    /** The value attribute of the input with this id, unescaped; null if it has none. */
    static String inputValue(String html, String id) {
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(element(html, "input", id));
        return value.find() ? unescape(value.group(1)) : null;
    }

    /** Whether the checkbox or radio button with this id is checked. */
    static boolean checked(String html, String id) {
        return element(html, "input", id).contains("checked");
    }

    /** The values of the checked checkboxes named {@code name}. */
    static List<String> checkedValues(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>")
                .matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (input.find()) {
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
            if (input.group().contains("checked") && value.find()) {
                values.add(unescape(value.group(1)));
            }
        }
        return values;
    }

    /** The option chosen in the select with this id, or null. */
    static String selected(String html, String id) {
        Matcher select = Pattern.compile(
                        "<select[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        assertThat(select.find()).as("a select with id " + id).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(1));
        return option.find() ? unescape(option.group(1)) : null;
    }

    /** The text of the textarea with this id. */
    static String textareaText(String html, String id) {
        Matcher textarea = Pattern.compile("<textarea[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        assertThat(textarea.find()).as("a textarea with id " + id).isTrue();
        return unescape(textarea.group(1));
    }

    /** The inline error message shown for a field, unescaped; null if there is none. */
    static String inlineError(String html, String field) {
        Matcher error = Pattern.compile("id=\"" + Pattern.quote(field)
                        + "-error\">\\s*<span class=\"govuk-visually-hidden\">Error:</span>\\s*<span>([^<]*)</span>")
                .matcher(html);
        return error.find() ? unescape(error.group(1)) : null;
    }

    /** The links of the error summary: href to message. */
    static Map<String, String> summaryLinks(String html) {
        int start = html.indexOf("govuk-error-summary__list");
        assertThat(start).as("an error summary").isNotNegative();
        String summary = html.substring(start, html.indexOf("</ul>", start));
        Matcher link = Pattern.compile("<a href=\"(#[^\"]+)\">([^<]*)</a>").matcher(summary);
        Map<String, String> links = new LinkedHashMap<>();
        while (link.find()) {
            links.put(link.group(1), unescape(link.group(2)));
        }
        return links;
    }

    /** The text of the element with this data-testid, tags removed and spaces collapsed. */
    static String testId(String html, String testId) {
        Matcher open = Pattern.compile("<(\\w+)[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>")
                .matcher(html);
        assertThat(open.find()).as("an element with data-testid " + testId).isTrue();
        Matcher tags = Pattern.compile("<(/?)" + open.group(1) + "\\b[^>]*>").matcher(html);
        int depth = 1;
        int end = open.end();
        tags.region(open.end(), html.length());
        while (depth > 0 && tags.find()) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            end = tags.start();
        }
        String inner = html.substring(open.end(), end);
        return unescape(inner.replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .replaceAll(" ([.,:;])", "$1")
                .strip());
    }

    static boolean hasTestId(String html, String testId) {
        return html.contains("data-testid=\"" + testId + "\"");
    }

    private static String element(String html, String tag, String id) {
        Matcher element = Pattern.compile("<" + tag + "[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(element.find()).as("an " + tag + " with id " + id).isTrue();
        return element.group();
    }

    static String unescape(String text) {
        return text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}

package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.access.Credentials;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.directory.MembershipApplications;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.springframework.context.ApplicationContext;

/**
 * Helpers for the directory's page tests: browser-like sessions signed in through the form, fresh
 * organisations to change (the demo ones are only read), and reading form values out of a page.
 */
final class Pages {

    private final int port;
    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;
    private final MembershipApplications applications;

    Pages(
            int port,
            Organisations organisations,
            People people,
            Credentials credentials,
            MembershipApplications applications) {
        this.port = port;
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
        this.applications = applications;
    }

    /** The helpers for the running application behind a full-stack test. */
    static Pages of(ApplicationContext context) {
        return new Pages(
                Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")),
                context.getBean(Organisations.class),
                context.getBean(People.class),
                context.getBean(Credentials.class),
                context.getBean(MembershipApplications.class));
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

    TestHttp anonymous() {
        return new TestHttp(port);
    }

    OrganisationId demoOrganisation(String name) {
        return organisations.findByName(name).orElseThrow();
    }

    /** A fresh organisation with the given status and sectors, and its security manager. */
    Member freshOrganisation(OrganisationStatus status, String... sectors) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Page Test Shop " + unique;
        OrganisationId organisation = organisations.register(
                new OrganisationDetails(
                        name,
                        OrganisationKind.BUSINESS,
                        List.of(sectors),
                        "shop-" + unique + "@example.test",
                        null,
                        null,
                        "1 Test Street, London"),
                status);
        String email = "manager-" + unique + "@example.test";
        String password = "correct horse " + unique;
        PersonId manager = people.enrol(
                organisation,
                new PersonDetails(
                        "Manager " + unique, email, null, null, Set.of(Role.SECURITY_MANAGER), List.of(), true, false));
        credentials.setPassword(manager, password);
        return new Member(organisation, name, manager, email, password);
    }

    /** A fresh application to join, in these sectors, as sent from the public form. */
    Applied freshApplication(String... sectors) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Applicant Cafe " + unique;
        String email = "applicant-" + unique + "@example.test";
        UUID id = applications.apply(new MembershipApplications.Application(
                new OrganisationDetails(name, OrganisationKind.BUSINESS, List.of(sectors), null, null, null, null),
                "Applicant " + unique,
                email,
                null,
                "Please let us in"));
        return new Applied(id, organisations.findByName(name).orElseThrow(), name, email);
    }

    record Applied(UUID id, OrganisationId organisation, String organisationName, String applicantEmail) {}

    /** A security manager of a fresh organisation. */
    record Member(OrganisationId organisation, String organisationName, PersonId id, String email, String password) {}

    /** The value attribute of the input with this id, unescaped; null if it has none. */
    static String inputValue(String html, String id) {
        Matcher input = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(input.find()).as("an input with id " + id).isTrue();
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? unescape(value.group(1)) : null;
    }

    /** Whether the checkbox or radio button with this id is checked. */
    static boolean checked(String html, String id) {
        Matcher input = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(input.find()).as("an input with id " + id).isTrue();
        return input.group().contains("checked");
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
        Matcher link = Pattern.compile("<a href=\"(#[^\"]+)\">([^<]*)</a>").matcher(summary(html));
        Map<String, String> links = new java.util.LinkedHashMap<>();
        while (link.find()) {
            links.put(link.group(1), unescape(link.group(2)));
        }
        return links;
    }

    private static String summary(String html) {
        int start = html.indexOf("govuk-error-summary__list");
        assertThat(start).as("an error summary").isNotNegative();
        return html.substring(start, html.indexOf("</ul>", start));
    }

    static String unescape(String text) {
        return text.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}

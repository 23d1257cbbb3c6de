package org.cascadehub.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
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
}

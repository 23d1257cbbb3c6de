package org.cascadehub.delivery;

import java.util.Set;
import java.util.UUID;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.springframework.context.ApplicationContext;

/**
 * Fresh partner organisations for tests, each with a security manager and a member and an API
 * token for each, so the demo organisations stay as they are.
 */
final class Partners {

    /** An organisation and tokens for its manager and its member. */
    record Partner(OrganisationId organisation, String manager, String member) {}

    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;
    private final TestHttp http;

    Partners(ApplicationContext context, TestHttp http) {
        this.organisations = context.getBean(Organisations.class);
        this.people = context.getBean(People.class);
        this.credentials = context.getBean(Credentials.class);
        this.http = http;
    }

    Partner create() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        OrganisationId organisation = organisations.register("Partner " + unique, OrganisationKind.BUSINESS);
        return new Partner(
                organisation,
                token(organisation, "manager-" + unique, Role.SECURITY_MANAGER),
                token(organisation, "member-" + unique, Role.MEMBER));
    }

    private String token(OrganisationId organisation, String name, Role role) {
        String email = name + "@partner.example";
        String password = "correct horse " + name;
        PersonId person = people.enrol(organisation, name, email, Set.of(role));
        credentials.setPassword(person, password);
        return http.token(email, password);
    }
}

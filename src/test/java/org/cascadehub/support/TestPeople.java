package org.cascadehub.support;

import java.util.Set;
import java.util.UUID;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;

/**
 * Fresh people for tests that change an account's state (throttling, second factor), so the shared
 * demo accounts stay usable by every other test.
 */
public class TestPeople {

    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;

    public TestPeople(Organisations organisations, People people, Credentials credentials) {
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
    }

    public record TestPerson(PersonId id, String email, String password) {}

    public TestPerson create(Role... roles) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var organisation = organisations.register("Test organisation " + unique, OrganisationKind.BUSINESS);
        String email = "person-" + unique + "@example.test";
        String password = "correct horse " + unique;
        PersonId id = people.enrol(organisation, "Test Person " + unique, email, Set.of(roles));
        credentials.setPassword(id, password);
        return new TestPerson(id, email, password);
    }
}

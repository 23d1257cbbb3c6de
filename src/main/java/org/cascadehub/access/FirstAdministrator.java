package org.cascadehub.access;

import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production's first administrator, from {@code CASCADE_ADMIN_EMAIL} and
 * {@code CASCADE_ADMIN_PASSWORD} (with optional {@code CASCADE_ADMIN_NAME} and
 * {@code CASCADE_ADMIN_ORGANISATION}). It acts only while no administrator exists, so the
 * variables can be removed once used; that administrator must set up two-factor sign-in at first
 * sign-in.
 */
@Component
@ConditionalOnProperty(name = "cascade.mode", havingValue = "PRODUCTION")
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Environment environment;
    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;

    FirstAdministrator(Environment environment, Organisations organisations, People people, Credentials credentials) {
        this.environment = environment;
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (people.anyoneHolds(Role.ADMINISTRATOR)) {
            return;
        }
        String email = environment.getProperty("CASCADE_ADMIN_EMAIL", "").trim();
        String password = environment.getProperty("CASCADE_ADMIN_PASSWORD", "");
        if (email.isEmpty() || password.isEmpty()) {
            log.warn("There is no hub administrator yet. Start once with CASCADE_ADMIN_EMAIL and "
                    + "CASCADE_ADMIN_PASSWORD set to create one (see README, 'Production').");
            return;
        }
        if (password.length() < Credentials.MINIMUM_PASSWORD_LENGTH || !email.contains("@")) {
            throw new IllegalStateException(
                    "CASCADE_ADMIN_EMAIL must be an email address and CASCADE_ADMIN_PASSWORD at least "
                            + Credentials.MINIMUM_PASSWORD_LENGTH + " characters long");
        }
        String organisationName = environment.getProperty("CASCADE_ADMIN_ORGANISATION", "Cascade Hub");
        OrganisationId organisation = organisations
                .findByName(organisationName)
                .orElseGet(() -> organisations.register(organisationName, OrganisationKind.HUB_OPERATOR));
        PersonId person = people.enrol(
                organisation,
                environment.getProperty("CASCADE_ADMIN_NAME", "Hub administrator"),
                email,
                java.util.Set.of(Role.ADMINISTRATOR));
        credentials.setPassword(person, password);
        log.info(
                "Created the first hub administrator, {}. Remove CASCADE_ADMIN_PASSWORD from the environment now.",
                email);
    }
}

package org.cascadehub.demo;

import java.util.HashMap;
import java.util.Map;
import org.cascadehub.access.Credentials;
import org.cascadehub.demo.DemoAccounts.DemoAccount;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo data set into an empty database, in one transaction: all of it or none. */
@Component
@ConditionalOnProperty(name = "cascade.mode", havingValue = "DEMO")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;

    DemoData(Organisations organisations, People people, Credentials credentials) {
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            return;
        }
        Map<String, OrganisationId> byName = new HashMap<>();
        for (DemoAccount account : DemoAccounts.ALL) {
            OrganisationId organisation = byName.computeIfAbsent(
                    account.organisation(), name -> organisations.register(name, account.kind()));
            PersonId person = people.enrol(
                    organisation,
                    new PersonDetails(
                            account.name(),
                            account.email(),
                            null,
                            null,
                            account.roles(),
                            account.leadSectors(),
                            true,
                            false));
            credentials.setPassword(person, DemoAccounts.PASSWORD);
        }
        log.info("Loaded the demo data set: {} organisations, {} people", byName.size(), DemoAccounts.ALL.size());
    }
}

package org.cascadehub.demo;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cascadehub.access.Credentials;
import org.cascadehub.demo.DemoAccounts.DemoAccount;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.BulkLoad;
import org.cascadehub.directory.DirectoryBulkLoader;
import org.cascadehub.directory.DirectoryEvents.DirectoryBulkLoaded;
import org.cascadehub.directory.OrganisationDetails;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.PersonId;
import org.cascadehub.reports.ReportBulkLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo data into an empty database, in one transaction: all of it or none. The demo
 * accounts and their organisations go through the directory's services (with their events and
 * audit entries); the partnership around them, and any generated data, through the bulk loader.
 */
@Component
@ConditionalOnProperty(name = "cascade.mode", havingValue = "DEMO")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;
    private final People people;
    private final Credentials credentials;
    private final Boroughs boroughs;
    private final DirectoryBulkLoader bulk;
    private final DemoSettings settings;
    private final ReportBulkLoader reports;
    private final Clock clock;

    DemoData(
            Organisations organisations,
            People people,
            Credentials credentials,
            Boroughs boroughs,
            DirectoryBulkLoader bulk,
            DemoSettings settings,
            ReportBulkLoader reports,
            Clock clock) {
        this.organisations = organisations;
        this.people = people;
        this.credentials = credentials;
        this.boroughs = boroughs;
        this.bulk = bulk;
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            if (settings.people() > 0) {
                log.warn("cascade.demo.generate.people is set, but the database already has data, so nothing was "
                        + "generated. Start with an empty database: delete the demo database directory, "
                        + "or add --cascade.demo.database-directory= for a fresh temporary one.");
            }
            return;
        }
        long started = System.nanoTime();
        LondonPartnership partnership = LondonPartnership.standard(boroughs, clock.instant());
        Map<String, OrganisationId> registered = enrolDemoAccounts(partnership);
        BulkLoad standard = partnership.build(registered);
        DirectoryBulkLoaded loaded = bulk.load(standard);
        log.info(
                "Loaded the demo data set in {} ms: {} organisations, {} people, {} sites, {} sharing groups",
                (System.nanoTime() - started) / 1_000_000,
                loaded.organisations() + registered.size(),
                loaded.people() + DemoAccounts.ALL.size(),
                loaded.sites(),
                loaded.sharingGroups());
        loadReports(partnership, registered, standard);
        if (settings.people() > 0) {
            generate(standard);
        }
    }

    /** A year of reports from the partnership's organisations, with the police's feedback. */
    private void loadReports(LondonPartnership partnership, Map<String, OrganisationId> registered, BulkLoad standard) {
        long started = System.nanoTime();
        Map<OrganisationId, OrganisationDetails> registeredDetails = new HashMap<>();
        partnership
                .demoOrganisations()
                .forEach((name, details) -> registeredDetails.put(registered.get(name), details));
        List<DemoReportLoad.Account> accounts = DemoAccounts.ALL.stream()
                .map(account -> people.findByEmail(account.email()).orElseThrow())
                .map(person ->
                        new DemoReportLoad.Account(person.id(), person.name(), person.organisationId(), person.roles()))
                .toList();
        List<ReportBulkLoader.BulkReport> made = new DemoReportLoad(standard, registeredDetails, accounts, boroughs)
                .reports(LondonPartnership.SEED, clock.instant());
        long written = System.nanoTime();
        int loaded = reports.load(made);
        log.info(
                "Loaded {} demo reports in {} ms ({} ms making them up, {} ms writing)",
                loaded,
                (System.nanoTime() - started) / 1_000_000,
                (written - started) / 1_000_000,
                (System.nanoTime() - written) / 1_000_000);
    }

    private Map<String, OrganisationId> enrolDemoAccounts(LondonPartnership partnership) {
        Map<String, OrganisationId> byName = new HashMap<>();
        partnership
                .demoOrganisations()
                .forEach((name, details) ->
                        byName.put(name, organisations.register(details, OrganisationStatus.VETTED)));
        for (DemoAccount account : DemoAccounts.ALL) {
            PersonId person = people.enrol(
                    byName.get(account.organisation()),
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
        return byName;
    }

    private void generate(BulkLoad standard) {
        long started = System.nanoTime();
        List<String> taken =
                standard.organisations().stream().map(o -> o.details().name()).toList();
        BulkLoad generated = new PartnershipGenerator(boroughs, settings.seed())
                .generate(PartnershipGenerator.Sizes.forPeople(settings.people()), withDemoAccounts(taken));
        long made = System.nanoTime();
        DirectoryBulkLoaded loaded = bulk.load(generated);
        log.info(
                "Generated and loaded {} organisations, {} people, {} sites in {} ms ({} ms making them up, {} ms writing)",
                loaded.organisations(),
                loaded.people(),
                loaded.sites(),
                (System.nanoTime() - started) / 1_000_000,
                (made - started) / 1_000_000,
                (System.nanoTime() - made) / 1_000_000);
    }

    private static List<String> withDemoAccounts(List<String> names) {
        return Stream.concat(names.stream(), DemoAccounts.ALL.stream().map(DemoAccount::organisation))
                .toList();
    }
}

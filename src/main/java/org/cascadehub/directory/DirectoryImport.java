package org.cascadehub.directory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cascadehub.directory.DirectoryEvents.DirectoryImported;
import org.cascadehub.directory.ImportPlan.NewOrganisation;
import org.cascadehub.directory.ImportPlan.NewPerson;
import org.cascadehub.directory.ImportPlan.NewSite;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of organisations, their sites and their people from one CSV file (the format is in
 * docs/directory.md and {@link #template()}). The whole file is checked first and every problem
 * reported by line; only a file with none is written, in one transaction, through the same
 * services a form uses. Imported organisations are vetted: the administrator or sector lead who
 * imports them vouches for them, as they would by approving an application. Imported people are
 * emailed a link to set their password.
 */
@Service
public class DirectoryImport {

    private final ImportPlanner planner;
    private final Organisations organisations;
    private final Sites sites;
    private final People people;
    private final ApplicationEventPublisher events;
    private final DirectorySettings settings;

    DirectoryImport(
            ImportPlanner planner,
            Organisations organisations,
            Sites sites,
            People people,
            ApplicationEventPublisher events,
            DirectorySettings settings) {
        this.planner = planner;
        this.organisations = organisations;
        this.sites = sites;
        this.people = people;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Checks a file as {@link #run} would and says what it would create, writing nothing.
     *
     * @throws ImportRejected with every problem in the file
     * @throws NotAllowed unless the viewer may import at all
     */
    @Transactional(readOnly = true)
    public ImportReport check(Viewer viewer, byte[] csv) {
        return plan(viewer, csv).report(false);
    }

    /**
     * Imports a file: all of it, or (if any row has a problem) none of it.
     *
     * @throws ImportRejected with every problem in the file; nothing was written
     * @throws NotAllowed unless the viewer may import at all
     */
    @Transactional
    public ImportReport run(Viewer viewer, byte[] csv) {
        ImportPlan plan = plan(viewer, csv);
        Map<String, OrganisationId> ids = new HashMap<>(plan.existing());
        for (NewOrganisation organisation : plan.organisations()) {
            ids.put(
                    organisation.key(),
                    write(
                            organisation.line(),
                            () -> organisations.register(organisation.details(), OrganisationStatus.VETTED)));
        }
        for (NewSite site : plan.sites()) {
            write(site.line(), () -> sites.register(ids.get(site.organisation()), site.details()));
        }
        for (NewPerson person : plan.people()) {
            write(person.line(), () -> people.addInvited(ids.get(person.organisation()), person.details()));
        }
        ImportReport report = plan.report(true);
        events.publishEvent(
                new DirectoryImported(report.organisations(), report.sites(), report.people(), Actors.current()));
        return report;
    }

    /**
     * Refuses a file larger than an import takes, so a caller can do so before reading it.
     *
     * @throws ImportRejected (marked {@link ImportRejected#tooLarge()}) if it is
     */
    public void requireSize(long bytes) {
        ImportFile.requireSize(bytes, maxBytes());
    }

    private long maxBytes() {
        return settings.importMaxSize().toBytes();
    }

    public int maxRows() {
        return settings.importMaxRows();
    }

    /** A file to start from: the header row and one example row of each kind. */
    public String template() {
        return ImportTemplate.text();
    }

    private ImportPlan plan(Viewer viewer, byte[] csv) {
        if (!DirectoryPolicy.canImport(viewer)) {
            throw new NotAllowed("Only hub administrators, sector leads and security managers can import.");
        }
        return planner.plan(viewer, ImportFile.read(csv, maxBytes(), maxRows()));
    }

    /**
     * Writes one row. The file was checked in this transaction, so a service refuses a row only if
     * someone changed the directory meanwhile; then the whole import rolls back.
     */
    private static <T> T write(int line, Supplier<T> write) {
        try {
            return write.get();
        } catch (InvalidInput invalid) {
            throw new ImportRejected(invalid.problems().stream()
                    .map(p -> new ImportProblem(line, p.field(), changed(p.message())))
                    .toList());
        } catch (DataIntegrityViolationException clash) {
            throw ImportRejected.of(new ImportProblem(
                    line, "file", changed("it clashes with an organisation or person added at the same time")));
        }
    }

    private static String changed(String why) {
        return "The directory changed while this file was being imported, so nothing was imported: " + why
                + ". Check the file and try again.";
    }
}

package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.DirectoryEvents.OrganisationApplied;
import org.cascadehub.directory.DirectoryEvents.OrganisationRejected;
import org.cascadehub.directory.DirectoryEvents.OrganisationVetted;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining the partnership: anyone applies for their organisation; an administrator, or a sector
 * lead for one of its sectors, approves or rejects it with a reason; delivery emails the applicant
 * on each step (from the events published here).
 */
@Service
public class MembershipApplications {

    private static final String SELECT = """
            SELECT a.*, o.name AS organisation_name, p.display_name AS applicant_name, p.email AS applicant_email
            FROM membership_application a
            JOIN organisation o ON o.id = a.organisation_id
            JOIN person p ON p.id = a.applicant_person_id
            """;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipApplications(
            JdbcClient jdbc,
            Organisations organisations,
            People people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** An application as submitted: the organisation, and the person who will manage it. */
    public record Application(
            OrganisationDetails organisation,
            @Nullable String applicantName,
            @Nullable String applicantEmail,
            @Nullable String applicantPhone,
            @Nullable String message) {}

    /**
     * Records an application: the organisation as applied, the applicant as its (pending) security
     * manager. Every problem with either is reported at once; nothing is written unless all is well.
     */
    @Transactional
    public UUID apply(Application application) {
        PersonDetails applicant = new PersonDetails(
                application.applicantName(),
                application.applicantEmail(),
                application.applicantPhone(),
                null,
                Set.of(Role.SECURITY_MANAGER),
                List.of(),
                true,
                false);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        problems.attempt(() -> {
            try {
                organisations.validate(application.organisation());
            } catch (InvalidInput invalid) {
                throw invalid.renamed(field -> "organisation." + field);
            }
            return null;
        });
        problems.attempt(() -> {
            try {
                people.validate(applicant);
            } catch (InvalidInput invalid) {
                throw invalid.renamed(MembershipApplications::applicantField);
            }
            return null;
        });
        problems.attempt(() -> ContactRules.optional("message", application.message(), "Your message", 2000));
        problems.throwIfAny();
        OrganisationId organisation = organisations.register(application.organisation(), OrganisationStatus.APPLIED);
        PersonId person = people.addApplicant(organisation, applicant);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO membership_application (id, organisation_id, applicant_person_id, message, submitted_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        organisation.value(),
                        person.value(),
                        application.message() == null
                                ? ""
                                : application.message().strip(),
                        Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new OrganisationApplied(organisation, person, Actors.claiming(applicant.email())));
        return id;
    }

    /** The applicant's fields in an {@link Application}: {@code email} becomes {@code applicantEmail}. */
    private static String applicantField(String field) {
        return "applicant" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /** Open applications the viewer may vet, oldest first. */
    @Transactional(readOnly = true)
    public List<MembershipApplication> openFor(Viewer viewer) {
        return jdbc
                .sql(SELECT + " WHERE a.decision IS NULL ORDER BY a.submitted_at")
                .query(MembershipApplications::application)
                .list()
                .stream()
                .filter(a -> DirectoryPolicy.canVet(viewer, sectorsOf(a.organisationId())))
                .toList();
    }

    /** An organisation's latest application, without a policy check: for telling its applicant. */
    @Transactional(readOnly = true)
    public Optional<MembershipApplication> latestFor(OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE a.organisation_id = ? ORDER BY a.submitted_at DESC LIMIT 1")
                .param(organisation.value())
                .query(MembershipApplications::application)
                .optional();
    }

    @Transactional(readOnly = true)
    public MembershipApplication require(Viewer viewer, UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?")
                .param(id)
                .query(MembershipApplications::application)
                .optional()
                .filter(a -> DirectoryPolicy.canVet(viewer, sectorsOf(a.organisationId())))
                .orElseThrow(() -> new NotFound("There is no application " + id + "."));
    }

    @Transactional
    public void approve(Viewer viewer, UUID id) {
        MembershipApplication application = decide(viewer, id, "APPROVED", null);
        Actor actor = Actors.current();
        organisations.changeStatus(application.organisationId(), OrganisationStatus.VETTED, null, actor);
        people.activateApplicants(application.organisationId());
        events.publishEvent(new OrganisationVetted(application.organisationId(), actor));
    }

    @Transactional
    public void reject(Viewer viewer, UUID id, @Nullable String reason) {
        String why = ContactRules.required("reason", reason, "The reason, which the applicant will see", 1000);
        MembershipApplication application = decide(viewer, id, "REJECTED", why);
        Actor actor = Actors.current();
        organisations.changeStatus(application.organisationId(), OrganisationStatus.REJECTED, why, actor);
        events.publishEvent(new OrganisationRejected(application.organisationId(), why, actor));
    }

    private MembershipApplication decide(Viewer viewer, UUID id, String decision, @Nullable String reason) {
        MembershipApplication application = require(viewer, id);
        if (!application.open()) {
            throw InvalidInput.of(
                    "decision",
                    "This application was already " + application.decision().toLowerCase());
        }
        if (viewer.organisationId().equals(application.organisationId())) {
            throw new NotAllowed("Nobody vets their own organisation.");
        }
        int changed = jdbc.sql("""
                UPDATE membership_application SET decision = ?, reason = ?, decided_by = ?, decided_at = ?
                WHERE id = ? AND decision IS NULL
                """)
                .params(decision, reason, Actors.current().principal(), Timestamp.from(clock.instant()), id)
                .update();
        if (changed == 0) {
            throw InvalidInput.of("decision", "Someone else decided this application a moment ago");
        }
        return application;
    }

    private Set<String> sectorsOf(OrganisationId organisation) {
        return Set.copyOf(jdbc.sql("SELECT sector_code FROM organisation_sector WHERE organisation_id = ?")
                .param(organisation.value())
                .query(String.class)
                .list());
    }

    private static MembershipApplication application(ResultSet rs, int row) throws SQLException {
        return new MembershipApplication(
                rs.getObject("id", UUID.class),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                new PersonId(rs.getObject("applicant_person_id", UUID.class)),
                rs.getString("applicant_name"),
                rs.getString("applicant_email"),
                rs.getString("message"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("decision"),
                rs.getString("reason"));
    }
}

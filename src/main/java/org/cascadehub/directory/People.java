package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.directory.DirectoryEvents.PersonErased;
import org.cascadehub.directory.DirectoryEvents.PersonErasing;
import org.cascadehub.directory.DirectoryEvents.PersonJoined;
import org.cascadehub.directory.DirectoryEvents.PersonSuspended;
import org.cascadehub.directory.DirectoryEvents.PersonUpdated;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.platform.Page;
import org.cascadehub.platform.SqlFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people in the partnership's organisations. */
@Service
public class People {

    private static final String SELECT = """
            SELECT p.*, o.name AS organisation_name, o.status AS organisation_status,
                   coalesce((SELECT string_agg(r.role, ',') FROM person_role r WHERE r.person_id = p.id), '') AS roles,
                   coalesce((SELECT string_agg(l.sector_code, ',') FROM person_lead_sector l WHERE l.person_id = p.id), '')
                       AS lead_sectors
            FROM person p JOIN organisation o ON o.id = p.organisation_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Sectors sectors;
    private final Clock clock;

    People(JdbcClient jdbc, ApplicationEventPublisher events, Sectors sectors, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.sectors = sectors;
        this.clock = clock;
    }

    /** Adds an active person with the given roles, as the demo data and the first administrator do. */
    @Transactional
    public PersonId enrol(OrganisationId organisation, String name, String email, Set<Role> roles) {
        return enrol(organisation, new PersonDetails(name, email, null, null, roles, List.of(), true, false));
    }

    /** Adds an active person without a viewer's check or an invitation, for trusted callers. */
    @Transactional
    public PersonId enrol(OrganisationId organisation, PersonDetails details) {
        return insert(organisation, check(details, null), PersonStatus.ACTIVE, false);
    }

    /** Adds a person to an organisation, for those who may manage it and grant those roles. */
    @Transactional
    public PersonId add(Viewer viewer, OrganisationId organisation, PersonDetails details) {
        requireManager(viewer, organisation);
        if (!DirectoryPolicy.canGrant(viewer, organisation, details.roles())) {
            throw InvalidInput.of("roles", "You can give only the member and security manager roles");
        }
        return insert(organisation, check(details, null), PersonStatus.ACTIVE, true);
    }

    /**
     * Adds an active person and invites them to set a password, without a viewer's check: for the
     * import, which has asked {@link DirectoryPolicy} itself (a sector lead adding people to an
     * organisation they have just vetted manages no organisation yet).
     */
    @Transactional
    PersonId addInvited(OrganisationId organisation, PersonDetails details) {
        return insert(organisation, check(details, null), PersonStatus.ACTIVE, true);
    }

    /** Adds someone who applied with their organisation: they can sign in once it is vetted. */
    @Transactional
    PersonId addApplicant(OrganisationId organisation, PersonDetails details) {
        return insert(organisation, check(details, null), PersonStatus.PENDING, false);
    }

    @Transactional
    public Person update(Viewer viewer, PersonId id, PersonDetails details) {
        Person current = require(viewer, id);
        requirePersonManager(viewer, current);
        boolean rolesChanged = !details.roles().equals(current.roles());
        if (rolesChanged
                && !DirectoryPolicy.canGrant(
                        viewer, current.organisationId(), union(details.roles(), current.roles()))) {
            throw InvalidInput.of("roles", "You can give or take away only the member and security manager roles");
        }
        Checked checked = check(details, id);
        jdbc.sql("""
                UPDATE person SET display_name = ?, email = ?, phone = ?, sia_licence = ?, notify_email = ?, notify_sms = ?
                WHERE id = ?
                """)
                .params(
                        checked.name(),
                        checked.email(),
                        checked.phone(),
                        checked.sia(),
                        details.notifyEmail(),
                        details.notifySms(),
                        id.value())
                .update();
        writeRoles(id, checked);
        events.publishEvent(new PersonUpdated(id, current.organisationId(), Actors.current()));
        return find(id).orElseThrow();
    }

    /** Suspends an active person (they can no longer sign in) or reactivates a suspended one. */
    @Transactional
    public void setSuspended(Viewer viewer, PersonId id, boolean suspended) {
        Person person = require(viewer, id);
        requirePersonManager(viewer, person);
        PersonStatus from = suspended ? PersonStatus.ACTIVE : PersonStatus.SUSPENDED;
        if (person.status() != from) {
            throw InvalidInput.of(
                    "status", "This person is " + person.status().name().toLowerCase(Locale.ROOT));
        }
        jdbc.sql("UPDATE person SET status = ? WHERE id = ?")
                .params((suspended ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE).name(), id.value())
                .update();
        events.publishEvent(
                suspended
                        ? new PersonSuspended(id, person.organisationId(), Actors.current())
                        : new PersonUpdated(id, person.organisationId(), Actors.current()));
    }

    /**
     * Erases a person: their details are replaced by a tombstone that keeps the row (and every
     * reference to it, and the audit chain) intact. Their access ends with it.
     */
    @Transactional
    public void erase(Viewer viewer, PersonId id) {
        Person person = require(viewer, id);
        if (!DirectoryPolicy.canErase(viewer)) {
            throw new NotAllowed("Only a hub administrator can erase a person.");
        }
        events.publishEvent(new PersonErasing(id, person.email(), person.phone()));
        jdbc.sql("""
                UPDATE person SET display_name = 'Erased person', email = ?, phone = NULL, sia_licence = NULL,
                                  notify_email = FALSE, notify_sms = FALSE, status = 'ERASED', erased_at = ?
                WHERE id = ?
                """)
                .params("erased-" + id + "@erased.invalid", Timestamp.from(clock.instant()), id.value())
                .update();
        jdbc.sql("DELETE FROM person_role WHERE person_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("DELETE FROM person_lead_sector WHERE person_id = ?")
                .param(id.value())
                .update();
        events.publishEvent(new PersonErased(id, person.organisationId(), Actors.current()));
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE lower(p.email) = lower(?)")
                .param(email.trim())
                .query(People::summary)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findById(PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id.value())
                .query(People::summary)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Person> find(PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id.value())
                .query(People::person)
                .optional();
    }

    /** The person, if the viewer may see them (erased people are gone for everyone). */
    @Transactional(readOnly = true)
    public Person require(Viewer viewer, PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id.value())
                .query((rs, n) ->
                        new Seen(person(rs, n), OrganisationStatus.valueOf(rs.getString("organisation_status"))))
                .optional()
                .filter(seen -> seen.person().status() != PersonStatus.ERASED)
                .filter(seen -> canSeeOrganisation(viewer, seen.person().organisationId(), seen.organisationStatus()))
                .map(Seen::person)
                .orElseThrow(() -> new NotFound("There is no person " + id + "."));
    }

    private record Seen(Person person, OrganisationStatus organisationStatus) {}

    /** The directory's view of a signed-in person, read fresh. */
    @Transactional(readOnly = true)
    public Optional<Viewer> viewer(PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id.value())
                .query(People::viewer)
                .optional();
    }

    /** A person signing in with a token: their summary and their viewer. */
    public record Authenticated(PersonSummary summary, Viewer viewer) {}

    /**
     * The summary and the viewer from one read, for a request that authenticates and then acts
     * (the viewer goes with the request, see {@link Viewer#REQUEST_ATTRIBUTE}). One statement, so
     * no transaction: opening one cost more round trips than the query.
     */
    public Optional<Authenticated> authenticated(PersonId id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id.value())
                .query((rs, n) -> new Authenticated(summary(rs, n), viewer(rs, n)))
                .optional();
    }

    /**
     * {@link #authenticated(PersonId)} for many people at once (those not found are left out), for
     * holding them in memory: one statement for each thousand.
     */
    public Map<PersonId, Authenticated> authenticated(Collection<PersonId> ids) {
        Map<PersonId, Authenticated> found = new HashMap<>();
        List<PersonId> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            String[] chunk = all.subList(from, Math.min(all.size(), from + 1000)).stream()
                    .map(PersonId::toString)
                    .toArray(String[]::new);
            jdbc.sql(SELECT + " WHERE p.id = ANY (?::text[]::uuid[])")
                    .param((Object) chunk) // one array parameter, not varargs
                    .query((rs, n) -> new Authenticated(summary(rs, n), viewer(rs, n)))
                    .list()
                    .forEach(person -> found.put(person.summary().id(), person));
        }
        return found;
    }

    private static Viewer viewer(ResultSet rs, int row) throws SQLException {
        Person person = person(rs, row);
        return new Viewer(
                person.id(),
                person.organisationId(),
                person.roles(),
                person.leadSectors(),
                person.status() == PersonStatus.ACTIVE,
                OrganisationStatus.valueOf(rs.getString("organisation_status")) == OrganisationStatus.VETTED);
    }

    /** The people of one organisation the viewer may see, by name. */
    @Transactional(readOnly = true)
    public List<Person> inOrganisation(Viewer viewer, Organisation organisation) {
        if (!DirectoryPolicy.canSee(viewer, organisation.id(), organisation.status(), organisation.sectors())) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE p.organisation_id = ? AND p.status <> 'ERASED' ORDER BY lower(p.display_name)")
                .param(organisation.id().value())
                .query(People::person)
                .list();
    }

    /** People in vetted organisations (or the viewer's own) whose name or email matches. */
    @Transactional(readOnly = true)
    public Page<Person> search(Viewer viewer, @Nullable String text, int page, int size) {
        if (!viewer.vettedMember()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String like = SqlFilter.contains(String.valueOf(text));
        return new SqlFilter()
                .and(
                        "p.status <> 'ERASED' AND (o.status = 'VETTED' OR o.id = ?)",
                        viewer.organisationId().value())
                .andIf(SqlFilter.given(text), "(p.display_name ILIKE ? OR p.email ILIKE ?)", like, like)
                .page(
                        jdbc,
                        "SELECT count(*) FROM person p JOIN organisation o ON o.id = p.organisation_id",
                        SELECT,
                        " ORDER BY lower(p.display_name), p.id",
                        page,
                        size,
                        People::person);
    }

    @Transactional(readOnly = true)
    public boolean anyoneHolds(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person_role WHERE role = ?)")
                .param(role.name())
                .query(Boolean.class)
                .single();
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM person WHERE status <> 'ERASED'")
                .query(Long.class)
                .single();
    }

    /** The active people of an organisation, for the system's own use (no viewer). */
    @Transactional(readOnly = true)
    public List<PersonSummary> activeIn(OrganisationId organisation) {
        return jdbc.sql(SELECT + " WHERE p.organisation_id = ? AND p.status = 'ACTIVE'")
                .param(organisation.value())
                .query(People::summary)
                .list();
    }

    void activateApplicants(OrganisationId organisation) {
        jdbc.sql("UPDATE person SET status = 'ACTIVE' WHERE organisation_id = ? AND status = 'PENDING'")
                .param(organisation.value())
                .update();
    }

    private boolean canSeeOrganisation(Viewer viewer, OrganisationId organisation, OrganisationStatus status) {
        Set<String> organisationSectors =
                Set.copyOf(jdbc.sql("SELECT sector_code FROM organisation_sector WHERE organisation_id = ?")
                        .param(organisation.value())
                        .query(String.class)
                        .list());
        return DirectoryPolicy.canSee(viewer, organisation, status, organisationSectors);
    }

    private static void requirePersonManager(Viewer viewer, Person person) {
        requireManager(viewer, person.organisationId());
        if (!DirectoryPolicy.canManagePerson(viewer, person.organisationId(), person.roles())) {
            throw new NotAllowed("Only a hub administrator can change or suspend someone with the "
                    + person.roles().stream()
                            .filter(role -> !DirectoryPolicy.DELEGABLE_ROLES.contains(role))
                            .map(role -> role.label().toLowerCase(Locale.ROOT))
                            .sorted()
                            .collect(Collectors.joining(" and "))
                    + " role.");
        }
    }

    private static void requireManager(Viewer viewer, OrganisationId organisation) {
        if (!DirectoryPolicy.canManage(viewer, organisation)) {
            throw new NotAllowed(
                    "Only the organisation's security manager or a hub administrator can change its people.");
        }
    }

    private PersonId insert(OrganisationId organisation, Checked checked, PersonStatus status, boolean invite) {
        PersonId id = PersonId.random();
        jdbc.sql("""
                INSERT INTO person (id, organisation_id, display_name, email, phone, sia_licence, notify_email, notify_sms, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id.value(),
                        organisation.value(),
                        checked.name(),
                        checked.email(),
                        checked.phone(),
                        checked.sia(),
                        checked.details().notifyEmail(),
                        checked.details().notifySms(),
                        status.name())
                .update();
        writeRoles(id, checked);
        events.publishEvent(new PersonJoined(id, organisation, invite, Actors.current()));
        return id;
    }

    private void writeRoles(PersonId id, Checked checked) {
        jdbc.sql("DELETE FROM person_role WHERE person_id = ?")
                .param(id.value())
                .update();
        jdbc.sql("DELETE FROM person_lead_sector WHERE person_id = ?")
                .param(id.value())
                .update();
        for (Role role : checked.details().roles()) {
            jdbc.sql("INSERT INTO person_role (person_id, role) VALUES (?, ?)")
                    .params(id.value(), role.name())
                    .update();
        }
        for (String sector : checked.leadSectors()) {
            jdbc.sql("INSERT INTO person_lead_sector (person_id, sector_code) VALUES (?, ?)")
                    .params(id.value(), sector)
                    .update();
        }
    }

    private record Checked(
            PersonDetails details,
            String name,
            String email,
            @Nullable String phone,
            @Nullable String sia,
            Set<String> leadSectors) {}

    /** Checks a person's details as {@link #add} would, without saving; problems are thrown together. */
    void validate(PersonDetails details) {
        check(details, null);
    }

    private Checked check(PersonDetails details, @Nullable PersonId self) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String name =
                problems.attempt(() -> ContactRules.required("name", details.name(), "The person's full name", 200));
        String email = problems.attempt(() -> ContactRules.email("email", details.email()));
        if (email != null) {
            findByEmail(email)
                    .filter(existing -> !existing.id().equals(self))
                    .ifPresent(existing -> problems.add("email", "Someone in the directory already uses " + email));
        }
        String phone = problems.attempt(
                () -> ContactRules.phone("phone", details.phone()).orElse(null));
        String sia = problems.attempt(() ->
                ContactRules.siaLicence("siaLicence", details.siaLicence()).orElse(null));
        Set<String> lead = problems.attempt(() -> sectors.requireActive("leadSectors", details.leadSectors()));
        if (details.roles().isEmpty()) {
            problems.add("roles", "Choose at least one role");
        }
        if (details.roles().contains(Role.SECTOR_LEAD) && lead != null && lead.isEmpty()) {
            problems.add("leadSectors", "Choose the sectors a sector lead looks after");
        }
        if (!details.roles().contains(Role.SECTOR_LEAD) && lead != null && !lead.isEmpty()) {
            problems.add("leadSectors", "Only a sector lead looks after sectors");
        }
        if (details.notifySms() && phone == null) {
            problems.add("phone", "Enter a phone number to get messages by SMS");
        }
        problems.throwIfAny();
        return new Checked(details, name, email, phone, sia, lead);
    }

    private static Set<Role> union(Set<Role> a, Set<Role> b) {
        java.util.EnumSet<Role> all = java.util.EnumSet.noneOf(Role.class);
        all.addAll(a);
        all.addAll(b);
        // Unchanged roles need no grant right: only the difference matters.
        java.util.EnumSet<Role> common = java.util.EnumSet.noneOf(Role.class);
        common.addAll(a);
        common.retainAll(b);
        all.removeAll(common);
        return all;
    }

    private static Set<Role> roles(String csv) {
        return csv.isEmpty()
                ? Set.of()
                : Arrays.stream(csv.split(",")).map(Role::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> codes(String csv) {
        return csv.isEmpty() ? Set.of() : Set.of(csv.split(","));
    }

    private static PersonSummary summary(ResultSet rs, int row) throws SQLException {
        return new PersonSummary(
                new PersonId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("email"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                roles(rs.getString("roles")),
                PersonStatus.valueOf(rs.getString("status")),
                OrganisationStatus.valueOf(rs.getString("organisation_status")));
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(
                new PersonId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("sia_licence"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                roles(rs.getString("roles")),
                codes(rs.getString("lead_sectors")),
                rs.getBoolean("notify_email"),
                rs.getBoolean("notify_sms"),
                PersonStatus.valueOf(rs.getString("status")));
    }
}

package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.directory.DirectoryEvents.OrganisationRegistered;
import org.cascadehub.directory.DirectoryEvents.OrganisationReinstated;
import org.cascadehub.directory.DirectoryEvents.OrganisationSuspended;
import org.cascadehub.directory.DirectoryEvents.OrganisationUpdated;
import org.cascadehub.platform.Actor;
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

/** The organisations in the partnership. */
@Service
public class Organisations {

    static final String SELECT = """
            SELECT o.*, coalesce((SELECT string_agg(s.sector_code, ',' ORDER BY s.sector_code)
                                  FROM organisation_sector s WHERE s.organisation_id = o.id), '') AS sector_codes
            FROM organisation o
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Sectors sectors;
    private final Clock clock;

    Organisations(JdbcClient jdbc, ApplicationEventPublisher events, Sectors sectors, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.sectors = sectors;
        this.clock = clock;
    }

    /** Adds a vetted organisation with no sectors, as the demo data and the first administrator do. */
    @Transactional
    public OrganisationId register(String name, OrganisationKind kind) {
        return register(
                new OrganisationDetails(name, kind, List.of(), null, null, null, null), OrganisationStatus.VETTED);
    }

    /** Checks the details and adds the organisation with the given status. */
    @Transactional
    public OrganisationId register(OrganisationDetails details, OrganisationStatus status) {
        Checked checked = check(details, null);
        OrganisationId id = OrganisationId.random();
        jdbc.sql("""
                INSERT INTO organisation (id, name, kind, status, contact_email, contact_phone, website, address,
                                          status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id.value(),
                        checked.name(),
                        checked.kind().name(),
                        status.name(),
                        checked.email(),
                        checked.phone(),
                        checked.website(),
                        checked.address(),
                        Timestamp.from(clock.instant()))
                .update();
        writeSectors(id, checked.sectors());
        events.publishEvent(new OrganisationRegistered(id, checked.kind(), Actors.current()));
        return id;
    }

    /** Checks an organisation's details as {@link #register} would, without saving. */
    void validate(OrganisationDetails details) {
        check(details, null);
    }

    /** Changes an organisation's details, for those who may manage it. */
    @Transactional
    public Organisation update(Viewer viewer, OrganisationId id, OrganisationDetails details) {
        Organisation current = require(viewer, id);
        if (!DirectoryPolicy.canManage(viewer, id)) {
            throw new NotAllowed("Only the organisation's security manager or a hub administrator can change it.");
        }
        if (details.kind() != null && details.kind() != current.kind() && !DirectoryPolicy.canChangeKind(viewer)) {
            throw InvalidInput.of(
                    "kind",
                    "Only a hub administrator can change what kind of organisation this is; it is a "
                            + current.kind().label().toLowerCase(Locale.ROOT));
        }
        Checked checked = check(details, id);
        jdbc.sql("""
                UPDATE organisation SET name = ?, kind = ?, contact_email = ?, contact_phone = ?, website = ?, address = ?
                WHERE id = ?
                """)
                .params(
                        checked.name(),
                        checked.kind().name(),
                        checked.email(),
                        checked.phone(),
                        checked.website(),
                        checked.address(),
                        id.value())
                .update();
        writeSectors(id, checked.sectors());
        events.publishEvent(new OrganisationUpdated(id, Actors.current()));
        return find(current.id()).orElseThrow();
    }

    /** Suspends a vetted organisation (its people lose access) or reinstates a suspended one. */
    @Transactional
    public void setSuspended(Viewer viewer, OrganisationId id, boolean suspended, @Nullable String reason) {
        Organisation organisation = require(viewer, id);
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator can suspend or reinstate an organisation.");
        }
        OrganisationStatus from = suspended ? OrganisationStatus.VETTED : OrganisationStatus.SUSPENDED;
        if (organisation.status() != from) {
            throw InvalidInput.of(
                    "status",
                    "Only a " + from.name().toLowerCase() + " organisation can be "
                            + (suspended ? "suspended" : "reinstated") + "; this one is "
                            + organisation.status().name().toLowerCase());
        }
        String why = suspended ? ContactRules.required("reason", reason, "A reason", 500) : null;
        changeStatus(id, suspended ? OrganisationStatus.SUSPENDED : OrganisationStatus.VETTED, why, Actors.current());
        events.publishEvent(
                suspended
                        ? new OrganisationSuspended(id, why, Actors.current())
                        : new OrganisationReinstated(id, Actors.current()));
    }

    void changeStatus(OrganisationId id, OrganisationStatus status, @Nullable String reason, Actor actor) {
        jdbc.sql(
                        "UPDATE organisation SET status = ?, status_reason = ?, status_changed_at = ?, status_changed_by = ? WHERE id = ?")
                .params(status.name(), reason, Timestamp.from(clock.instant()), actor.principal(), id.value())
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql(SELECT + " WHERE o.id = ?")
                .param(id.value())
                .query(Organisations::organisation)
                .optional();
    }

    /** The organisation, if the viewer may see it; otherwise not found, as if it did not exist. */
    @Transactional(readOnly = true)
    public Organisation require(Viewer viewer, OrganisationId id) {
        return find(id).filter(o -> DirectoryPolicy.canSee(viewer, o.id(), o.status(), o.sectors()))
                .orElseThrow(() -> new NotFound("There is no organisation " + id + "."));
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationId> findByName(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE lower(name) = lower(?)")
                .param(name.trim())
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }

    /** What the directory search can filter on; blank means any. */
    public record Filter(
            @Nullable String name,
            @Nullable OrganisationKind kind,
            @Nullable String sector,
            @Nullable String borough,
            @Nullable OrganisationStatus status) {}

    /** Organisations the viewer may see, matching the filter, by name. */
    @Transactional(readOnly = true)
    public Page<Organisation> search(Viewer viewer, Filter filter, int page, int size) {
        if (!viewer.vettedMember()) {
            return new Page<>(List.of(), page, size, 0);
        }
        SqlFilter where = new SqlFilter()
                .andIf(
                        SqlFilter.given(filter.name()),
                        "o.name ILIKE ?",
                        SqlFilter.contains(String.valueOf(filter.name())))
                .andIf(
                        filter.kind() != null,
                        "o.kind = ?",
                        filter.kind() == null ? "" : filter.kind().name())
                .andIf(
                        SqlFilter.given(filter.sector()),
                        "EXISTS (SELECT 1 FROM organisation_sector s WHERE s.organisation_id = o.id AND s.sector_code = ?)",
                        String.valueOf(filter.sector()))
                .andIf(
                        SqlFilter.given(filter.borough()),
                        "EXISTS (SELECT 1 FROM site t WHERE t.organisation_id = o.id AND t.borough_code = ?)",
                        String.valueOf(filter.borough()))
                .andIf(
                        filter.status() != null,
                        "o.status = ?",
                        filter.status() == null ? "" : filter.status().name());
        // Visibility, as DirectoryPolicy.canSee, in SQL so counts and pages never include the unseen.
        where.andIf(
                !viewer.administrator(),
                "(o.status = 'VETTED' OR o.id = ? OR EXISTS (SELECT 1 FROM organisation_sector s "
                        + "WHERE s.organisation_id = o.id AND s.sector_code = ANY (?)))",
                viewer.organisationId().value(),
                viewer.is(Role.SECTOR_LEAD) ? viewer.leadSectors().toArray(String[]::new) : new String[0]);
        return where.page(
                jdbc,
                "SELECT count(*) FROM organisation o",
                SELECT,
                " ORDER BY lower(o.name), o.id",
                page,
                size,
                Organisations::organisation);
    }

    private record Checked(
            String name,
            OrganisationKind kind,
            Set<String> sectors,
            @Nullable String email,
            @Nullable String phone,
            @Nullable String website,
            @Nullable String address) {}

    /** Checks every field, reporting all problems together. */
    private Checked check(OrganisationDetails details, @Nullable OrganisationId self) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String name =
                problems.attempt(() -> ContactRules.required("name", details.name(), "The organisation's name", 200));
        if (name != null) {
            findByName(name)
                    .filter(existing -> !existing.equals(self))
                    .ifPresent(existing ->
                            problems.add("name", "An organisation called " + name + " is already in the directory"));
        }
        if (details.kind() == null) {
            problems.add("kind", "Choose what kind of organisation it is");
        }
        Set<String> sectorCodes = problems.attempt(() -> sectors.requireActive("sectors", details.sectors()));
        String email = problems.attempt(
                () -> details.contactEmail() == null || details.contactEmail().isBlank()
                        ? null
                        : ContactRules.email("contactEmail", details.contactEmail()));
        String phone = problems.attempt(
                () -> ContactRules.phone("contactPhone", details.contactPhone()).orElse(null));
        String website = problems.attempt(() -> website(details.website()));
        String address = problems.attempt(() -> ContactRules.optional("address", details.address(), "The address", 500)
                .orElse(null));
        problems.throwIfAny();
        return new Checked(name, details.kind(), sectorCodes, email, phone, website, address);
    }

    private static @Nullable String website(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.trim();
        if (!url.matches("(?i)^https?://[^\\s/$.?#].[^\\s]*$") || url.length() > 300) {
            throw InvalidInput.of("website", "Enter the website's full address, starting https://");
        }
        return url;
    }

    private void writeSectors(OrganisationId id, Set<String> sectorCodes) {
        jdbc.sql("DELETE FROM organisation_sector WHERE organisation_id = ?")
                .param(id.value())
                .update();
        for (String code : sectorCodes) {
            jdbc.sql("INSERT INTO organisation_sector (organisation_id, sector_code) VALUES (?, ?)")
                    .params(id.value(), code)
                    .update();
        }
    }

    static Organisation organisation(ResultSet rs, int row) throws SQLException {
        String codes = rs.getString("sector_codes");
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")),
                OrganisationStatus.valueOf(rs.getString("status")),
                codes.isEmpty() ? Set.of() : Arrays.stream(codes.split(",")).collect(Collectors.toSet()),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                rs.getString("website"),
                rs.getString("address"),
                rs.getString("status_reason"));
    }
}

package org.cascadehub.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone who can receive alerts, read in bulk: active people in vetted organisations, with their
 * organisation's sectors, sharing groups and sites. The alert module keeps it in memory to match
 * an alert's area and audience without a database query per alert; it is not a read path for
 * people (it carries no policy), so it must not be shown to anyone as it is.
 */
@Service
public class Roster {

    /** One receiving person. */
    public record Member(
            PersonId id,
            String name,
            String email,
            @Nullable String phone,
            boolean notifyEmail,
            boolean notifySms,
            Set<Role> roles,
            Set<String> leadSectors,
            OrganisationId organisationId) {

        public Member {
            roles = Set.copyOf(roles);
            leadSectors = Set.copyOf(leadSectors);
        }
    }

    /** A vetted organisation as targeting sees it. */
    public record MemberOrganisation(
            OrganisationId id,
            String name,
            Set<String> sectors,
            Set<SharingGroupId> sharingGroups,
            List<SitePoint> sites) {

        /** Immutable once, so every recipient can share the same sets rather than copy them. */
        public MemberOrganisation {
            sectors = Set.copyOf(sectors);
            sharingGroups = Set.copyOf(sharingGroups);
            sites = List.copyOf(sites);
        }
    }

    /** A site's position and the borough the directory computed for it. */
    public record SitePoint(SiteId id, double latitude, double longitude, String boroughCode) {}

    /** The whole roster at one moment. */
    public record Snapshot(List<MemberOrganisation> organisations, List<Member> members) {}

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Snapshot snapshot() {
        Map<UUID, Set<String>> sectors = new HashMap<>();
        jdbc.sql("""
                SELECT os.organisation_id, os.sector_code FROM organisation_sector os
                JOIN organisation o ON o.id = os.organisation_id WHERE o.status = 'VETTED'
                """).query(rs -> {
            sectors.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                    .add(rs.getString(2));
        });
        Map<UUID, Set<SharingGroupId>> groups = new HashMap<>();
        jdbc.sql("SELECT organisation_id, sharing_group_id FROM sharing_group_member")
                .query(rs -> {
                    groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(new SharingGroupId(rs.getObject(2, UUID.class)));
                });
        Map<UUID, List<SitePoint>> sites = new HashMap<>();
        jdbc.sql("SELECT id, organisation_id, latitude, longitude, borough_code FROM site")
                .query(rs -> {
                    sites.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new SitePoint(
                                    new SiteId(rs.getObject(1, UUID.class)),
                                    rs.getDouble(3),
                                    rs.getDouble(4),
                                    rs.getString(5)));
                });
        List<MemberOrganisation> organisations = jdbc.sql("SELECT id, name FROM organisation WHERE status = 'VETTED'")
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new MemberOrganisation(
                            new OrganisationId(id),
                            rs.getString(2),
                            sectors.getOrDefault(id, Set.of()),
                            groups.getOrDefault(id, Set.of()),
                            sites.getOrDefault(id, List.of()));
                })
                .list();
        return new Snapshot(organisations, members());
    }

    /** The given people, if they are still active members (a batch lookup for sending). */
    @Transactional(readOnly = true)
    public List<Member> members(Collection<PersonId> people) {
        String[] ids = people.stream().map(PersonId::toString).toArray(String[]::new);
        return members(" AND p.id = ANY (?::text[]::uuid[])", (Object) ids); // one array parameter, not varargs
    }

    /** Active members with this mobile number (E.164), for replies by text message. */
    @Transactional(readOnly = true)
    public List<Member> membersWithPhone(String phone) {
        return members(" AND p.phone = ?", phone);
    }

    /** Active members holding any of the roles. */
    @Transactional(readOnly = true)
    public List<Member> membersWithAnyRole(Collection<Role> roles) {
        String[] names = roles.stream().map(Role::name).toArray(String[]::new);
        return members(
                " AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = ANY (?::text[]))",
                (Object) names);
    }

    /** The active security managers of an organisation. */
    @Transactional(readOnly = true)
    public List<Member> securityManagers(OrganisationId organisation) {
        return members(
                " AND p.organisation_id = ? AND EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id"
                        + " AND r.role = 'SECURITY_MANAGER')",
                organisation.value());
    }

    private List<Member> members() {
        return members("");
    }

    /** People matching {@code condition} (on {@code person p}), with their roles and lead sectors. */
    private List<Member> members(String condition, Object... params) {
        String who = "SELECT p.id FROM person p JOIN organisation o ON o.id = p.organisation_id"
                + " WHERE p.status = 'ACTIVE' AND o.status = 'VETTED'" + condition;
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT person_id, role FROM person_role WHERE person_id IN (" + who + ")")
                .params(params)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(Role.valueOf(rs.getString(2)));
                });
        Map<UUID, Set<String>> leads = new HashMap<>();
        jdbc.sql("SELECT person_id, sector_code FROM person_lead_sector WHERE person_id IN (" + who + ")")
                .params(params)
                .query(rs -> {
                    leads.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                });
        return jdbc.sql("""
                SELECT p.id, p.display_name, p.email, p.phone, p.notify_email, p.notify_sms, p.organisation_id
                FROM person p JOIN organisation o ON o.id = p.organisation_id
                WHERE p.status = 'ACTIVE' AND o.status = 'VETTED'
                """ + condition)
                .params(params)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Member(
                            new PersonId(id),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getBoolean(6),
                            roles.getOrDefault(id, Set.of()),
                            leads.getOrDefault(id, Set.of()),
                            new OrganisationId(rs.getObject(7, UUID.class)));
                })
                .list();
    }
}

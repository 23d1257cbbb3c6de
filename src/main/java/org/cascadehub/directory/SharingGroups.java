package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.DirectoryEvents.SharingGroupChanged;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sharing groups: every vetted member may see them; administrators make and change them. */
@Service
public class SharingGroups {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SharingGroups(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<SharingGroup> all() {
        Map<UUID, Set<OrganisationId>> members = new HashMap<>();
        jdbc.sql("SELECT sharing_group_id, organisation_id FROM sharing_group_member")
                .query(rs -> {
                    members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                            .add(new OrganisationId(rs.getObject(2, UUID.class)));
                });
        return jdbc.sql("SELECT * FROM sharing_group ORDER BY lower(name)")
                .query((rs, n) -> group(rs, members.getOrDefault(rs.getObject("id", UUID.class), Set.of())))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<SharingGroup> find(SharingGroupId id) {
        return all().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The groups an organisation belongs to. */
    @Transactional(readOnly = true)
    public List<SharingGroup> of(OrganisationId organisation) {
        return all().stream().filter(g -> g.members().contains(organisation)).toList();
    }

    @Transactional
    public SharingGroupId create(
            Viewer viewer, String name, @Nullable String description, Collection<OrganisationId> members) {
        requireAdministrator(viewer);
        String clean = checkName(name, null);
        SharingGroupId id = SharingGroupId.random();
        jdbc.sql("INSERT INTO sharing_group (id, name, description) VALUES (?, ?, ?)")
                .params(id.value(), clean, description == null ? "" : description.strip())
                .update();
        writeMembers(id, members);
        events.publishEvent(new SharingGroupChanged(id, Actors.current()));
        return id;
    }

    @Transactional
    public SharingGroup update(
            Viewer viewer,
            SharingGroupId id,
            String name,
            @Nullable String description,
            Collection<OrganisationId> members) {
        requireAdministrator(viewer);
        find(id).orElseThrow(() -> new NotFound("There is no sharing group " + id + "."));
        String clean = checkName(name, id);
        jdbc.sql("UPDATE sharing_group SET name = ?, description = ? WHERE id = ?")
                .params(clean, description == null ? "" : description.strip(), id.value())
                .update();
        writeMembers(id, members);
        events.publishEvent(new SharingGroupChanged(id, Actors.current()));
        return find(id).orElseThrow();
    }

    private String checkName(String name, @Nullable SharingGroupId self) {
        String clean = ContactRules.required("name", name, "The group's name", 120);
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM sharing_group WHERE lower(name) = lower(?) AND id <> ?)")
                .params(clean, self == null ? new UUID(0, 0) : self.value())
                .query(Boolean.class)
                .single();
        if (taken) {
            throw InvalidInput.of("name", "There is already a sharing group called " + clean);
        }
        return clean;
    }

    private void writeMembers(SharingGroupId id, Collection<OrganisationId> members) {
        for (OrganisationId member : members) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?)")
                    .param(member.value())
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw InvalidInput.of("members", "There is no organisation " + member);
            }
        }
        jdbc.sql("DELETE FROM sharing_group_member WHERE sharing_group_id = ?")
                .param(id.value())
                .update();
        for (OrganisationId member : new LinkedHashSet<>(members)) {
            jdbc.sql("INSERT INTO sharing_group_member (sharing_group_id, organisation_id) VALUES (?, ?)")
                    .params(id.value(), member.value())
                    .update();
        }
    }

    private static void requireAdministrator(Viewer viewer) {
        if (!DirectoryPolicy.canAdminister(viewer)) {
            throw new NotAllowed("Only a hub administrator can change sharing groups.");
        }
    }

    private static SharingGroup group(ResultSet rs, Set<OrganisationId> members) throws SQLException {
        return new SharingGroup(
                new SharingGroupId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                members);
    }
}

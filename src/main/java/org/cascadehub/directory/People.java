package org.cascadehub.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cascadehub.platform.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people in the partnership's organisations. */
@Service
public class People {

    private static final String SELECT_SUMMARY = """
            SELECT p.id, p.display_name, p.email, p.status, o.id AS organisation_id, o.name AS organisation_name,
                   coalesce((SELECT string_agg(r.role, ',') FROM person_role r WHERE r.person_id = p.id), '') AS roles
            FROM person p JOIN organisation o ON o.id = p.organisation_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    People(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds a person to an organisation with the given roles. Emails are unique, ignoring case. */
    @Transactional
    public PersonId enrol(OrganisationId organisation, String name, String email, Set<Role> roles) {
        PersonId id = PersonId.random();
        jdbc.sql("INSERT INTO person (id, organisation_id, display_name, email, status) VALUES (?, ?, ?, ?, 'ACTIVE')")
                .params(id.value(), organisation.value(), name, email.trim())
                .update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO person_role (person_id, role) VALUES (?, ?)")
                    .params(id.value(), role.name())
                    .update();
        }
        events.publishEvent(new PersonJoined(id, organisation, Actors.current()));
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findByEmail(String email) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE lower(p.email) = lower(?)")
                .param(email.trim())
                .query(People::summary)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<PersonSummary> findById(PersonId id) {
        return jdbc.sql(SELECT_SUMMARY + " WHERE p.id = ?")
                .param(id.value())
                .query(People::summary)
                .optional();
    }

    @Transactional(readOnly = true)
    public boolean anyoneHolds(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person_role WHERE role = ?)")
                .param(role.name())
                .query(Boolean.class)
                .single();
    }

    private static PersonSummary summary(ResultSet rs, int row) throws SQLException {
        String roles = rs.getString("roles");
        return new PersonSummary(
                new PersonId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("email"),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("organisation_name"),
                roles.isEmpty()
                        ? Set.of()
                        : Arrays.stream(roles.split(","))
                                .map(r -> Role.valueOf(r.toUpperCase(Locale.ROOT)))
                                .collect(Collectors.toSet()),
                PersonStatus.valueOf(rs.getString("status")));
    }
}

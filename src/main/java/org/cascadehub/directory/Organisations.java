package org.cascadehub.directory;

import java.util.Optional;
import java.util.UUID;
import org.cascadehub.platform.Actors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations in the partnership. */
@Service
public class Organisations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Organisations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds a vetted organisation, as an administrator or the demo data does. */
    @Transactional
    public OrganisationId register(String name, OrganisationKind kind) {
        OrganisationId id = OrganisationId.random();
        jdbc.sql("INSERT INTO organisation (id, name, kind, status) VALUES (?, ?, ?, 'VETTED')")
                .params(id.value(), name, kind.name())
                .update();
        events.publishEvent(new OrganisationRegistered(id, kind, Actors.current()));
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationId> findByName(String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE lower(name) = lower(?)")
                .param(name)
                .query(UUID.class)
                .optional()
                .map(OrganisationId::new);
    }

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
    }
}

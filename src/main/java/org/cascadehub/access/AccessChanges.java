package org.cascadehub.access;

import org.cascadehub.access.AccessEvents.ApiTokenCreated;
import org.cascadehub.access.AccessEvents.ApiTokenRevoked;
import org.cascadehub.directory.DirectoryEvents.OrganisationReinstated;
import org.cascadehub.directory.DirectoryEvents.OrganisationRejected;
import org.cascadehub.directory.DirectoryEvents.OrganisationSuspended;
import org.cascadehub.directory.DirectoryEvents.OrganisationUpdated;
import org.cascadehub.directory.DirectoryEvents.OrganisationVetted;
import org.cascadehub.directory.DirectoryEvents.PersonErased;
import org.cascadehub.directory.DirectoryEvents.PersonSuspended;
import org.cascadehub.directory.DirectoryEvents.PersonUpdated;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the tokens held in memory ({@link BearerTokens}) current with every change that may end or
 * alter a token's access. Each listener runs in the transaction that made the change: it adds a
 * {@code pg_notify} to it, which PostgreSQL delivers to every node ({@link AccessChangeFeed}) only
 * if and when it commits, and it forgets what this node holds once it has committed, so the very
 * next request here reads it again. Plain listeners: Spring Modulith would write a publication row
 * for each transactional one.
 */
@Component
class AccessChanges {

    private final JdbcClient jdbc;
    private final BearerTokens tokens;

    AccessChanges(JdbcClient jdbc, BearerTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** Nothing to forget: a node that does not hold the new token reads it on first use. */
    @EventListener
    void on(ApiTokenCreated created) {
        tell(AccessChange.token(created.tokenId()));
    }

    @EventListener
    void on(ApiTokenRevoked revoked) {
        tell(AccessChange.token(revoked.tokenId()));
        AfterCommit.run(() -> tokens.revoked(revoked.tokenId()));
    }

    @EventListener
    void on(PersonSuspended suspended) {
        changed(suspended.personId());
    }

    @EventListener
    void on(PersonErased erased) {
        changed(erased.personId());
    }

    /** Roles, details, or reactivation after a suspension. */
    @EventListener
    void on(PersonUpdated updated) {
        changed(updated.personId());
    }

    @EventListener
    void on(OrganisationSuspended suspended) {
        changed(suspended.organisationId());
    }

    @EventListener
    void on(OrganisationReinstated reinstated) {
        changed(reinstated.organisationId());
    }

    @EventListener
    void on(OrganisationVetted vetted) {
        changed(vetted.organisationId());
    }

    @EventListener
    void on(OrganisationRejected rejected) {
        changed(rejected.organisationId());
    }

    @EventListener
    void on(OrganisationUpdated updated) {
        changed(updated.organisationId());
    }

    private void changed(PersonId person) {
        tell(AccessChange.person(person.value()));
        AfterCommit.run(() -> tokens.changed(person));
    }

    private void changed(OrganisationId organisation) {
        tell(AccessChange.organisation(organisation.value()));
        AfterCommit.run(() -> tokens.changed(organisation));
    }

    /** In the change's own transaction: sent when it commits, never if it rolls back. */
    private void tell(AccessChange change) {
        jdbc.sql("SELECT pg_notify(?, ?)")
                .params(AccessChange.CHANNEL, change.payload())
                .query()
                .listOfRows();
    }
}

package org.cascadehub.directory;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;
import org.jspecify.annotations.Nullable;

/**
 * The directory's published events: the audit log records each, and delivery keeps its
 * subscriber index current from them. They carry ids and small values only.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {}

    public record OrganisationRegistered(OrganisationId organisationId, OrganisationKind kind, Actor actor)
            implements AuditedEvent {}

    /**
     * A person was added. {@code invite}: they should be sent a link to set their password (not so
     * for demo data, or for applicants, who are invited once their organisation is vetted).
     */
    public record PersonJoined(PersonId personId, OrganisationId organisationId, boolean invite, Actor actor)
            implements AuditedEvent {}

    public record OrganisationApplied(OrganisationId organisationId, PersonId applicantId, Actor actor)
            implements AuditedEvent {}

    public record OrganisationVetted(OrganisationId organisationId, Actor actor) implements AuditedEvent {}

    public record OrganisationRejected(OrganisationId organisationId, String reason, Actor actor)
            implements AuditedEvent {}

    public record OrganisationSuspended(OrganisationId organisationId, String reason, Actor actor)
            implements AuditedEvent {}

    public record OrganisationReinstated(OrganisationId organisationId, Actor actor) implements AuditedEvent {}

    public record OrganisationUpdated(OrganisationId organisationId, Actor actor) implements AuditedEvent {}

    public record PersonUpdated(PersonId personId, OrganisationId organisationId, Actor actor)
            implements AuditedEvent {}

    public record PersonSuspended(PersonId personId, OrganisationId organisationId, Actor actor)
            implements AuditedEvent {}

    public record PersonErased(PersonId personId, OrganisationId organisationId, Actor actor) implements AuditedEvent {}

    /**
     * A person is being erased: published inside the erasing transaction, before their details are
     * overwritten, so that modules holding copies of their addresses (delivery's outboxes) forget
     * them in the same transaction. It carries the very addresses being erased, so it is not an
     * {@link AuditedEvent} and must only ever be heard synchronously ({@code @EventListener}): a
     * transactional or module listener would have it stored in the event publication registry.
     */
    public record PersonErasing(
            PersonId personId, String email, @Nullable String phone) {}

    /** A person's data was exported on request (subject access). */
    public record PersonExported(PersonId personId, Actor actor) implements AuditedEvent {}

    public record SiteAdded(SiteId siteId, OrganisationId organisationId, String boroughCode, Actor actor)
            implements AuditedEvent {}

    public record SiteMoved(SiteId siteId, OrganisationId organisationId, String boroughCode, Actor actor)
            implements AuditedEvent {}

    public record SiteRemoved(SiteId siteId, OrganisationId organisationId, Actor actor) implements AuditedEvent {}

    public record SharingGroupChanged(SharingGroupId sharingGroupId, Actor actor) implements AuditedEvent {}

    /**
     * Many organisations, people and sites were written at once by {@link DirectoryBulkLoader},
     * without their one-per-row events.
     */
    public record DirectoryBulkLoaded(int organisations, int people, int sites, int sharingGroups, Actor actor)
            implements AuditedEvent {}

    public record SectorsChanged(String sectorCode, Actor actor) implements AuditedEvent {}

    /** A file was imported; each organisation, site and person it created has its own event too. */
    public record DirectoryImported(int organisations, int sites, int people, Actor actor) implements AuditedEvent {}
}

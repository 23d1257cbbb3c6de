package org.cascadehub.directory;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** An organisation was added to the directory. */
public record OrganisationRegistered(OrganisationId organisationId, OrganisationKind kind, Actor actor)
        implements AuditedEvent {}

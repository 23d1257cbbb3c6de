package org.cascadehub.directory;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A person was added to an organisation in the directory. */
public record PersonJoined(PersonId personId, OrganisationId organisationId, Actor actor) implements AuditedEvent {}

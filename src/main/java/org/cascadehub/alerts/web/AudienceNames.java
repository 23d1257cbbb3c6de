package org.cascadehub.alerts.web;

import java.util.Optional;
import java.util.UUID;

/**
 * Organisations and people as the alert form writes them: by the organisation's name and the
 * person's email address, which an author knows, or by id.
 */
interface AudienceNames {

    /** The organisation with this name (as the directory spells it, any case), or this id. */
    Optional<UUID> organisation(String nameOrId);

    /** The person with this email address, or this id. */
    Optional<UUID> person(String emailOrId);

    /** How the form writes an organisation back: its name, or its id if it has gone. */
    String organisationName(UUID id);

    /** How the form writes a person back: their email address, or their id if they have gone. */
    String personEmail(UUID id);
}

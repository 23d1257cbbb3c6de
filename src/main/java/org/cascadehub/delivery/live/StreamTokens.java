package org.cascadehub.delivery.live;

import java.util.Optional;
import org.cascadehub.directory.PersonId;

/**
 * Verifies the bearer token of a stream opened on the Netty port, as the API's own token check
 * does. Implemented by the access module (which depends on delivery, so delivery cannot call it).
 * It may block (a database read): it is called off the event loop.
 */
public interface StreamTokens {

    /** The active person the token belongs to; empty when it is unknown, expired or revoked. */
    Optional<PersonId> personFor(String token);
}

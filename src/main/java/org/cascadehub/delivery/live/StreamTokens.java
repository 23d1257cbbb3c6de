package org.cascadehub.delivery.live;

import java.util.Optional;
import org.cascadehub.directory.Viewer;

/**
 * Verifies the bearer token of a stream opened on the Netty port, as the API's own token check
 * does. Implemented by the access module (which depends on delivery, so delivery cannot call it).
 * It may block (a database read): it is called off the event loop.
 */
public interface StreamTokens {

    /**
     * The viewer of the active person the token belongs to; empty when the token is unknown, expired
     * or revoked, or the person is not active.
     */
    Optional<Viewer> viewerFor(String token);
}

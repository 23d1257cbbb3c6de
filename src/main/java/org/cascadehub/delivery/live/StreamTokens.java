package org.cascadehub.delivery.live;

import java.util.Optional;
import org.cascadehub.directory.Viewer;

/**
 * Verifies the bearer token of a stream opened on the Netty port, as the API's own token check
 * does. Implemented by the access module (which depends on delivery, so delivery cannot call it).
 */
public interface StreamTokens {

    /**
     * The viewer of the active person the token belongs to; empty when the token is unknown, expired
     * or revoked, or the person is not active. It may block (a database read): it is called off the
     * event loop.
     */
    Optional<Viewer> viewerFor(String token);

    /**
     * What can be said of the token without blocking (from memory), on the event loop: {@link
     * Accepted} or {@link Refused} as {@link #viewerFor} would answer, or {@link Unknown} when only
     * {@link #viewerFor} can tell.
     */
    default Answer atOnce(String token) {
        return Unknown.INSTANCE;
    }

    sealed interface Answer {}

    record Accepted(Viewer viewer) implements Answer {}

    enum Refused implements Answer {
        INSTANCE
    }

    enum Unknown implements Answer {
        INSTANCE
    }
}

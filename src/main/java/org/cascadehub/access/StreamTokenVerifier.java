package org.cascadehub.access;

import java.util.Optional;
import org.cascadehub.delivery.live.StreamTokens;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens for the live stream's own port, checked as {@link BearerTokenFilter} checks them
 * on the API: a live token of an active person.
 */
@Component
class StreamTokenVerifier implements StreamTokens {

    private final BearerTokens tokens;

    StreamTokenVerifier(BearerTokens tokens) {
        this.tokens = tokens;
    }

    /** From memory, as {@link BearerTokenFilter} checks; the database only for a token not held. */
    @Override
    public Optional<Viewer> viewerFor(String token) {
        return tokens.authenticated(token).map(People.Authenticated::viewer);
    }

    /** From memory only: a token or person not held is left to {@link #viewerFor}. */
    @Override
    public Answer atOnce(String token) {
        return switch (tokens.held(token)) {
            case TokenMemory.Found found ->
                found.person().summary().active() ? new Accepted(found.person().viewer()) : Refused.INSTANCE;
            case TokenMemory.Refused refused -> Refused.INSTANCE;
            case TokenMemory.TokenOnly notHeld -> Unknown.INSTANCE;
            case TokenMemory.Unknown unknown -> Unknown.INSTANCE;
        };
    }
}

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

    private final ApiTokens tokens;
    private final People people;

    StreamTokenVerifier(ApiTokens tokens, People people) {
        this.tokens = tokens;
        this.people = people;
    }

    /** One read for the person and their viewer, as {@link BearerTokenFilter} does. */
    @Override
    public Optional<Viewer> viewerFor(String token) {
        return tokens.personFor(token)
                .flatMap(people::authenticated)
                .filter(found -> found.summary().active())
                .map(People.Authenticated::viewer);
    }
}

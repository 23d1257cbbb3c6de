package org.cascadehub.access;

import java.util.Optional;
import org.cascadehub.delivery.live.StreamTokens;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
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

    @Override
    public Optional<PersonId> personFor(String token) {
        return tokens.personFor(token)
                .flatMap(people::findById)
                .filter(PersonSummary::active)
                .map(PersonSummary::id);
    }
}

package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessChangeTests {

    @Test
    void eachChangeReadsBackAsSent() {
        UUID id = UUID.randomUUID();
        for (AccessChange change : new AccessChange[] {
            AccessChange.token(id), AccessChange.person(id), AccessChange.organisation(id), AccessChange.ALL
        }) {
            assertThat(AccessChange.parse(change.payload())).contains(change);
        }
        assertThat(AccessChange.token(id).payload()).isEqualTo("token " + id);
    }

    @Test
    void payloadsThisVersionDoesNotKnowAreIgnored() {
        assertThat(AccessChange.parse("")).isEmpty();
        assertThat(AccessChange.parse("token")).isEmpty();
        assertThat(AccessChange.parse("token not-a-uuid")).isEmpty();
        assertThat(AccessChange.parse("sector " + UUID.randomUUID())).isEmpty();
        assertThat(AccessChange.parse("all " + UUID.randomUUID())).isEmpty();
    }
}

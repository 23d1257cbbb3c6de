package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.OrganisationStatus;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonStatus;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenMemoryTests {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final OrganisationId ARCADE = new OrganisationId(UUID.randomUUID());

    final TokenMemory memory = new TokenMemory(3);
    final PersonId ada = PersonId.random();
    final byte[] adasToken = ApiTokens.sha256("cas_ada");
    final UUID adasTokenId = UUID.randomUUID();

    @BeforeEach
    void current() {
        memory.current(true);
    }

    @Test
    void aHeldTokenIsFoundWithItsPerson() {
        long since = memory.stamp();
        assertThat(memory.hold(since, adasToken, adasTokenId, ada, NOW.plusSeconds(60)))
                .isTrue();
        assertThat(memory.lookup(adasToken, NOW)).isEqualTo(new TokenMemory.TokenOnly(adasTokenId, ada));

        assertThat(memory.hold(since, List.of(person(ada, ARCADE)))).isTrue();

        assertThat(memory.lookup(adasToken, NOW)).isEqualTo(new TokenMemory.Found(adasTokenId, person(ada, ARCADE)));
        assertThat(memory.lookup(ApiTokens.sha256("cas_someone-else"), NOW)).isInstanceOf(TokenMemory.Unknown.class);
    }

    @Test
    void nothingIsAnsweredFromMemoryWhileItIsNotCurrent() {
        holdAda();

        memory.current(false);

        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.Unknown.class);
    }

    @Test
    void aRevokedTokenIsRefusedAndAReadFromBeforeTheRevocationDoesNotBringItBack() {
        long before = memory.stamp();
        holdAda();

        memory.revoke(adasTokenId);

        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.Refused.class);
        assertThat(memory.hold(before, adasToken, adasTokenId, ada, NOW.plusSeconds(60)))
                .isFalse();
        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.Refused.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        holdAda();

        assertThat(memory.lookup(adasToken, NOW.plusSeconds(60))).isInstanceOf(TokenMemory.Refused.class);
    }

    @Test
    void aPersonReadBeforeTheyWereForgottenIsNotHeld() {
        holdAda();
        long before = memory.stamp();

        memory.forget(ada);

        assertThat(memory.hold(before, List.of(person(ada, ARCADE)))).isFalse();
        assertThat(memory.lookup(adasToken, NOW)).isEqualTo(new TokenMemory.TokenOnly(adasTokenId, ada));
        assertThat(memory.hold(memory.stamp(), List.of(person(ada, ARCADE)))).isTrue();
    }

    @Test
    void forgettingAnOrganisationForgetsOnlyItsPeople() {
        holdAda();
        PersonId bo = PersonId.random();
        byte[] bosToken = ApiTokens.sha256("cas_bo");
        OrganisationId elsewhere = new OrganisationId(UUID.randomUUID());
        memory.hold(memory.stamp(), bosToken, UUID.randomUUID(), bo, NOW.plusSeconds(60));
        memory.hold(memory.stamp(), List.of(person(bo, elsewhere)));

        assertThat(memory.peopleOf(ARCADE)).containsExactly(ada);
        memory.forget(ARCADE);

        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.TokenOnly.class);
        assertThat(memory.lookup(bosToken, NOW)).isInstanceOf(TokenMemory.Found.class);
    }

    @Test
    void itHoldsNoMoreTokensThanItsCapacity() {
        for (int i = 0; i < 3; i++) {
            assertThat(memory.hold(
                            memory.stamp(), ApiTokens.sha256("cas_" + i), UUID.randomUUID(), ada, NOW.plusSeconds(60)))
                    .isTrue();
        }

        assertThat(memory.hold(memory.stamp(), adasToken, adasTokenId, ada, NOW.plusSeconds(60)))
                .isFalse();
        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.Unknown.class);
    }

    @Test
    void aFullReadReplacesEverythingUnlessSomethingWasForgottenMeanwhile() {
        holdAda();
        PersonId bo = PersonId.random();
        byte[] bosToken = ApiTokens.sha256("cas_bo");
        TokenMemory.Held bos =
                new TokenMemory.Held(TokenMemory.Key.of(bosToken), UUID.randomUUID(), bo, NOW.plusSeconds(60), false);

        long before = memory.stamp();
        memory.forget(ada);
        assertThat(memory.replace(before, List.of(bos), Map.of(bo, person(bo, ARCADE))))
                .isFalse();

        assertThat(memory.replace(memory.stamp(), List.of(bos), Map.of(bo, person(bo, ARCADE))))
                .isTrue();
        assertThat(memory.lookup(adasToken, NOW)).isInstanceOf(TokenMemory.Unknown.class);
        assertThat(memory.lookup(bosToken, NOW)).isInstanceOf(TokenMemory.Found.class);
    }

    @Test
    void sweepingDropsExpiredTokensAndPeopleLeftWithoutOne() {
        holdAda();

        assertThat(memory.sweep(NOW.plusSeconds(60))).isOne();

        assertThat(memory.tokens()).isZero();
        assertThat(memory.people()).isZero();
    }

    private void holdAda() {
        long since = memory.stamp();
        memory.hold(since, adasToken, adasTokenId, ada, NOW.plusSeconds(60));
        memory.hold(since, List.of(person(ada, ARCADE)));
    }

    static People.Authenticated person(PersonId id, OrganisationId organisation) {
        return new People.Authenticated(
                new PersonSummary(
                        id,
                        "Ada",
                        "ada@example.test",
                        organisation,
                        "Arcade",
                        Set.of(Role.MEMBER),
                        PersonStatus.ACTIVE,
                        OrganisationStatus.VETTED),
                new Viewer(id, organisation, Set.of(Role.MEMBER), Set.of(), true, true));
    }
}

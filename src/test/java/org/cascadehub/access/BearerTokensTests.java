package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonDetails;
import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestPeople;
import org.cascadehub.support.TestPeople.TestPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bearer tokens checked from memory: held once issued, refused as soon as a change ends them (made
 * here, or on another node and heard through PostgreSQL), and read from the database when not held
 * or while changes cannot be heard.
 */
@CascadeTest
class BearerTokensTests {

    @LocalServerPort
    int port;

    @Autowired
    BearerTokens tokens;

    @Autowired
    AccessChangeFeed feed;

    @Autowired
    TestPeople testPeople;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void anIssuedTokenIsHeldWithItsPersonSoACheckReadsNothing() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = http.token(person.email(), person.password());

        await().untilAsserted(() -> assertThat(held(token))
                .as("heard from the database once issued, before any use")
                .isInstanceOf(TokenMemory.Found.class));
        assertThat(tokens.authenticated(token))
                .hasValueSatisfying(
                        found -> assertThat(found.viewer().personId()).isEqualTo(person.id()));
        assertThat(api(token)).isEqualTo(200);
    }

    @Test
    void aTokenNotHeldIsReadFromTheDatabaseAndThenHeld() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = insertToken(person, clock.instant().plusSeconds(3600));
        assertThat(held(token)).as("written without telling anyone").isInstanceOf(TokenMemory.Unknown.class);

        assertThat(api(token)).isEqualTo(200);

        assertThat(held(token)).isInstanceOf(TokenMemory.Found.class);
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThat(api(ApiTokens.PREFIX + "unknown-" + UUID.randomUUID())).isEqualTo(401);
        assertThat(tokens.authenticated("not-even-a-cascade-token")).isEmpty();
    }

    @Test
    void aHeldTokenIsRefusedOnceItExpires() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = insertToken(person, clock.instant().plusSeconds(2));
        assertThat(api(token)).isEqualTo(200);
        assertThat(held(token)).isInstanceOf(TokenMemory.Found.class);

        await().untilAsserted(() -> assertThat(api(token)).isEqualTo(401));
        assertThat(held(token)).as("refused from memory").isInstanceOf(TokenMemory.Refused.class);
    }

    @Test
    void aHeldTokenIsRefusedOnTheNextRequestOnceItsPersonIsSuspendedAndAcceptedOnceReinstated() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        people.setSuspended(administrator(), person.id(), true);

        assertThat(api(token)).isEqualTo(401);
        assertThat(tokens.authenticated(token)).isEmpty();

        people.setSuspended(administrator(), person.id(), false);

        assertThat(api(token)).isEqualTo(200);
    }

    @Test
    void aHeldTokenIsRefusedOnTheNextRequestOnceItsOrganisationIsSuspended() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        organisations.setSuspended(administrator(), organisation(person), true, "Vetting lapsed");

        assertThat(api(token)).isEqualTo(401);
    }

    @Test
    void anErasedPersonsHeldTokenIsRefused() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        people.erase(administrator(), person.id());

        assertThat(api(token)).isEqualTo(401);
    }

    @Test
    void aRoleChangeIsSeenOnTheNextRequest() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);
        var current = people.find(person.id()).orElseThrow();

        people.update(
                administrator(),
                person.id(),
                new PersonDetails(
                        current.name(),
                        current.email(),
                        null,
                        null,
                        Set.of(Role.MEMBER, Role.SECURITY_MANAGER),
                        List.of(),
                        false,
                        false));

        assertThat(tokens.authenticated(token).orElseThrow().viewer().roles())
                .containsExactlyInAnyOrder(Role.MEMBER, Role.SECURITY_MANAGER);
    }

    @Test
    void aTokenRevokedOnAnotherNodeIsRefusedOnceThatNodeCommits() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        anotherNode(
                "UPDATE api_token SET revoked_at = now() WHERE token_hash = ?",
                ApiTokens.sha256(token),
                AccessChange.token(tokenId(token)));

        await().untilAsserted(() -> assertThat(api(token)).isEqualTo(401));
        assertThat(held(token)).isInstanceOf(TokenMemory.Refused.class);
    }

    @Test
    void aPersonSuspendedOnAnotherNodeIsRefusedOnceThatNodeCommits() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        anotherNode(
                "UPDATE person SET status = 'SUSPENDED' WHERE id = ?",
                person.id().value(),
                AccessChange.person(person.id().value()));

        await().untilAsserted(() -> assertThat(api(token)).isEqualTo(401));
    }

    @Test
    void anOrganisationSuspendedOnAnotherNodeIsRefusedOnceThatNodeCommits() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);
        OrganisationId organisation = organisation(person);

        anotherNode(
                "UPDATE organisation SET status = 'SUSPENDED' WHERE id = ?",
                organisation.value(),
                AccessChange.organisation(organisation.value()));

        await().untilAsserted(() -> assertThat(api(token)).isEqualTo(401));
    }

    @Test
    void whileChangesCannotBeHeardEveryCheckReadsTheDatabase() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);
        tokens.deaf();
        try {
            jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?")
                    .param(ApiTokens.sha256(token))
                    .update();

            assertThat(api(token)).as("a change nobody was told of").isEqualTo(401);
        } finally {
            tokens.reload();
            tokens.listening();
        }
        assertThat(held(token)).as("not live, so not held after the reload").isInstanceOf(TokenMemory.Unknown.class);
    }

    @Test
    void aFeedStoppedAndStartedAgainReloadsAndHearsChangesAgain() {
        TestPerson person = testPeople.create(Role.MEMBER);
        String token = heldToken(person);

        feed.stop();
        try {
            assertThat(held(token)).as("memory is not trusted while deaf").isInstanceOf(TokenMemory.Unknown.class);
            assertThat(api(token)).as("checked in the database meanwhile").isEqualTo(200);
        } finally {
            feed.start();
        }
        await().untilAsserted(() -> assertThat(held(token)).isInstanceOf(TokenMemory.Found.class));

        anotherNode(
                "UPDATE person SET status = 'SUSPENDED' WHERE id = ?",
                person.id().value(),
                AccessChange.person(person.id().value()));

        await().untilAsserted(() -> assertThat(api(token)).isEqualTo(401));
    }

    /** A token used once, so that it and its person are held. */
    private String heldToken(TestPerson person) {
        String token = http.token(person.email(), person.password());
        assertThat(api(token)).isEqualTo(200);
        assertThat(held(token)).isInstanceOf(TokenMemory.Found.class);
        return token;
    }

    private TokenMemory.Lookup held(String token) {
        return tokens.memory().lookup(ApiTokens.sha256(token), clock.instant());
    }

    private int api(String token) {
        return http.get("/api/v1/tokens", "Authorization", bearer(token)).status();
    }

    /** Another node's change: its SQL and its notification in one transaction, not heard here until it commits. */
    private void anotherNode(String sql, Object parameter, AccessChange change) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql(sql).param(parameter).update();
            jdbc.sql("SELECT pg_notify(?, ?)")
                    .params(AccessChange.CHANNEL, change.payload())
                    .query()
                    .listOfRows();
        });
    }

    private String insertToken(TestPerson person, Instant expiresAt) {
        String token = ApiTokens.PREFIX + "direct-" + UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        person.id().value(),
                        ApiTokens.sha256(token),
                        "written elsewhere",
                        Timestamp.from(clock.instant()),
                        Timestamp.from(expiresAt))
                .update();
        return token;
    }

    private UUID tokenId(String token) {
        return jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
                .param(ApiTokens.sha256(token))
                .query(UUID.class)
                .single();
    }

    private OrganisationId organisation(TestPerson person) {
        return people.findById(person.id()).orElseThrow().organisationId();
    }

    private Viewer administrator() {
        return people.viewer(people.findByEmail("admin@demo.test").orElseThrow().id())
                .orElseThrow();
    }
}

package org.cascadehub.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who a bearer token belongs to, answered from memory: every live token and its person (summary
 * and viewer) are loaded when the node starts and kept current from the changes that end or alter
 * them ({@link AccessChanges}: on this node once they commit, from other nodes through {@link
 * AccessChangeFeed}), so checking a token on the API or the stream port reads nothing. A token not
 * held (made on another node a moment ago) is read from the database, and then held. While changes
 * from other nodes cannot be heard, every check reads the database.
 */
@Component
class BearerTokens {

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);
    private static final String COLUMNS = "SELECT id, person_id, token_hash, expires_at, revoked_at FROM api_token";

    private final JdbcClient jdbc;
    private final People people;
    private final Clock clock;
    private final TokenUse use;
    private final TokenMemory memory;

    BearerTokens(JdbcClient jdbc, People people, Clock clock, TokenUse use, AccessSettings settings) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
        this.use = use;
        this.memory = new TokenMemory(settings.tokensHeld());
    }

    /**
     * The person a live token belongs to, with their viewer, if they are active (and their
     * organisation vetted); empty for an unknown, expired or revoked token or an inactive person.
     * Its use is noted for a batched write ({@link TokenUse}).
     */
    Optional<People.Authenticated> authenticated(String token) {
        if (!token.startsWith(ApiTokens.PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = ApiTokens.sha256(token);
        Instant now = clock.instant();
        long since = memory.stamp();
        Optional<People.Authenticated> person = switch (memory.lookup(hash, now)) {
            case TokenMemory.Found found -> {
                use.used(found.tokenId());
                yield Optional.of(found.person());
            }
            case TokenMemory.TokenOnly only -> {
                use.used(only.tokenId());
                yield person(since, only.person());
            }
            case TokenMemory.Refused refused -> Optional.empty();
            case TokenMemory.Unknown unknown -> read(since, hash, now);
        };
        return person.filter(found -> found.summary().active());
    }

    /**
     * What memory alone says of the token, for a caller that must not block: {@link
     * TokenMemory.Found} (its use noted; the person may be inactive), {@link TokenMemory.Refused}, or
     * anything else when only {@link #authenticated} can tell.
     */
    TokenMemory.Lookup held(String token) {
        if (!token.startsWith(ApiTokens.PREFIX)) {
            return TokenMemory.REFUSED;
        }
        TokenMemory.Lookup found = memory.lookup(ApiTokens.sha256(token), clock.instant());
        if (found instanceof TokenMemory.Found known) {
            use.used(known.tokenId());
        }
        return found;
    }

    private Optional<People.Authenticated> read(long since, byte[] hash, Instant now) {
        Optional<Row> row = jdbc.sql(COLUMNS + " WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")
                .params(hash, Timestamp.from(now))
                .query(BearerTokens::row)
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        memory.hold(since, hash, row.get().id(), row.get().person(), row.get().expiresAt());
        use.used(row.get().id());
        return person(since, row.get().person());
    }

    private Optional<People.Authenticated> person(long since, PersonId id) {
        Optional<People.Authenticated> person = people.authenticated(id);
        person.ifPresent(found -> memory.hold(since, List.of(found)));
        return person;
    }

    /** Reads every live token and its person afresh (at start, and when changes may have been missed). */
    void reload() {
        for (int attempt = 0; attempt < 5; attempt++) {
            long since = memory.stamp();
            List<TokenMemory.Held> live = jdbc.sql(
                            COLUMNS + " WHERE revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT ?")
                    .params(Timestamp.from(clock.instant()), memory.capacity())
                    .query((rs, n) -> row(rs, n).held())
                    .list();
            Map<PersonId, People.Authenticated> theirPeople = people.authenticated(
                    live.stream().map(TokenMemory.Held::person).distinct().toList());
            if (memory.replace(since, live, theirPeople)) {
                log.info("Holding {} API tokens of {} people in memory", live.size(), theirPeople.size());
                return;
            }
        }
        throw new IllegalStateException("API tokens kept changing while they were read");
    }

    /** Reads again what changed on this node or another (see {@link AccessChange}). */
    void apply(List<AccessChange> changes) {
        if (changes.contains(AccessChange.ALL)) {
            reload();
            return;
        }
        Set<UUID> tokenIds = new HashSet<>();
        Set<PersonId> readAgain = new HashSet<>();
        for (AccessChange change : changes) {
            switch (change.kind()) {
                case TOKEN -> tokenIds.add(change.id());
                case PERSON -> {
                    PersonId person = new PersonId(change.id());
                    if (memory.holds(person)) {
                        readAgain.add(person);
                    }
                    memory.forget(person);
                }
                case ORGANISATION -> {
                    OrganisationId organisation = new OrganisationId(change.id());
                    readAgain.addAll(memory.peopleOf(organisation));
                    memory.forget(organisation);
                }
                case ALL -> throw new IllegalStateException("handled above");
            }
        }
        long since = memory.stamp();
        List<Row> tokens = new ArrayList<>();
        if (!tokenIds.isEmpty()) {
            tokens = jdbc.sql(COLUMNS + " WHERE id = ANY (?::text[]::uuid[])")
                    .param((Object) tokenIds.stream().map(UUID::toString).toArray(String[]::new))
                    .query(BearerTokens::row)
                    .list();
        }
        Instant now = clock.instant();
        tokens.stream()
                .filter(token -> token.live(now))
                .filter(token -> !memory.holds(token.person()))
                .forEach(token -> readAgain.add(token.person()));
        Map<PersonId, People.Authenticated> read = people.authenticated(readAgain);
        for (Row token : tokens) {
            if (token.live(now)) {
                memory.hold(since, token.hash(), token.id(), token.person(), token.expiresAt());
            }
        }
        memory.hold(since, read.values());
        tokens.stream().filter(token -> !token.live(now)).forEach(token -> memory.revoke(token.id()));
    }

    /** Changes may be missed from now on: every check reads the database until {@link #listening}. */
    void deaf() {
        memory.current(false);
    }

    /** Changes are heard again (after a {@link #reload}). */
    void listening() {
        memory.current(true);
    }

    /** Revoked on this node: refused at once, before the change comes back from the database. */
    void revoked(UUID tokenId) {
        memory.revoke(tokenId);
    }

    void changed(PersonId person) {
        memory.forget(person);
    }

    void changed(OrganisationId organisation) {
        memory.forget(organisation);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void sweep() {
        memory.sweep(clock.instant());
    }

    TokenMemory memory() {
        return memory;
    }

    private record Row(
            UUID id,
            PersonId person,
            byte[] hash,
            Instant expiresAt,
            @Nullable Instant revokedAt) {

        boolean live(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        TokenMemory.Held held() {
            return new TokenMemory.Held(TokenMemory.Key.of(hash), id, person, expiresAt, false);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Row(
                rs.getObject("id", UUID.class),
                new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getBytes("token_hash"),
                rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}

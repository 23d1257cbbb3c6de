package org.cascadehub.access;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;

/**
 * The live API tokens and their people, held in memory so that checking a token reads nothing
 * (see {@link BearerTokens}). Lookups take no lock. Everything put here was read from the database,
 * and a read can race a change that commits meanwhile: each write therefore carries the {@link
 * #stamp()} taken before its read, and is dropped if anything was forgotten since, so a stale read
 * never outlives the change that made it stale. While not {@linkplain #current() current} (before
 * the first load, or while changes from other nodes cannot be heard) every lookup answers {@link
 * Unknown}, so callers read the database.
 */
final class TokenMemory {

    /** A token's SHA-256 as a key: four longs, compared by value. */
    record Key(long a, long b, long c, long d) {
        static Key of(byte[] sha256) {
            ByteBuffer bytes = ByteBuffer.wrap(sha256);
            return new Key(bytes.getLong(), bytes.getLong(), bytes.getLong(), bytes.getLong());
        }
    }

    /** A token as held: refused at once once revoked or expired. */
    record Held(Key key, UUID tokenId, PersonId person, Instant expiresAt, boolean revoked) {}

    sealed interface Lookup {}

    /** A live token of a person held here (who may still be inactive: the caller checks). */
    record Found(UUID tokenId, People.Authenticated person) implements Lookup {}

    /** A live token whose person is not held here. */
    record TokenOnly(UUID tokenId, PersonId person) implements Lookup {}

    /** A token held here as revoked or expired. */
    record Refused() implements Lookup {}

    /** Not held here: only the database knows. */
    record Unknown() implements Lookup {}

    static final Lookup REFUSED = new Refused();
    static final Lookup UNKNOWN = new Unknown();

    private final int capacity;
    private final ConcurrentHashMap<Key, Held> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Key> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PersonId, People.Authenticated> people = new ConcurrentHashMap<>();
    private final Object writing = new Object();
    private volatile long stamp;
    private volatile boolean current;

    TokenMemory(int capacity) {
        this.capacity = capacity;
    }

    Lookup lookup(byte[] sha256, Instant now) {
        if (!current) {
            return UNKNOWN;
        }
        Held held = tokens.get(Key.of(sha256));
        if (held == null) {
            return UNKNOWN;
        }
        if (held.revoked() || !held.expiresAt().isAfter(now)) {
            return REFUSED;
        }
        People.Authenticated person = people.get(held.person());
        return person == null ? new TokenOnly(held.tokenId(), held.person()) : new Found(held.tokenId(), person);
    }

    /** Take before reading what is to be held; pass to the writes that hold it. */
    long stamp() {
        return stamp;
    }

    boolean current() {
        return current;
    }

    void current(boolean current) {
        this.current = current;
    }

    /** Holds a live token read at {@code since}; false if something was forgotten meanwhile, or it is full. */
    boolean hold(long since, byte[] sha256, UUID tokenId, PersonId person, Instant expiresAt) {
        synchronized (writing) {
            if (stamp != since || (tokens.size() >= capacity && !keys.containsKey(tokenId))) {
                return false;
            }
            Key key = Key.of(sha256);
            tokens.put(key, new Held(key, tokenId, person, expiresAt, false));
            keys.put(tokenId, key);
            return true;
        }
    }

    /** Holds people read at {@code since}; false (none held) if something was forgotten meanwhile. */
    boolean hold(long since, Collection<People.Authenticated> read) {
        synchronized (writing) {
            if (stamp != since) {
                return false;
            }
            read.forEach(person -> people.put(person.summary().id(), person));
            return true;
        }
    }

    /** Replaces everything with a full read made at {@code since}; false if something was forgotten meanwhile. */
    boolean replace(long since, Collection<Held> live, Map<PersonId, People.Authenticated> theirPeople) {
        synchronized (writing) {
            if (stamp != since) {
                return false;
            }
            tokens.clear();
            keys.clear();
            people.clear();
            live.stream().limit(capacity).forEach(held -> {
                tokens.put(held.key(), held);
                keys.put(held.tokenId(), held.key());
            });
            people.putAll(theirPeople);
            return true;
        }
    }

    /** The token is refused from now on, if held (a revoked token is never live again). */
    void revoke(UUID tokenId) {
        synchronized (writing) {
            stamp++;
            Key key = keys.get(tokenId);
            if (key != null) {
                tokens.computeIfPresent(
                        key, (k, held) -> new Held(k, held.tokenId(), held.person(), held.expiresAt(), true));
            }
        }
    }

    /** The person is read again on their next request. */
    void forget(PersonId person) {
        synchronized (writing) {
            stamp++;
            people.remove(person);
        }
    }

    /** Everyone in the organisation is read again on their next request. */
    void forget(OrganisationId organisation) {
        synchronized (writing) {
            stamp++;
            people.values().removeIf(person -> person.summary().organisationId().equals(organisation));
        }
    }

    /** The people held in the organisation, to read again. */
    List<PersonId> peopleOf(OrganisationId organisation) {
        return people.values().stream()
                .filter(person -> person.summary().organisationId().equals(organisation))
                .map(person -> person.summary().id())
                .toList();
    }

    boolean holds(PersonId person) {
        return people.containsKey(person);
    }

    /**
     * Drops tokens that have expired (revoked ones too, once they would have expired) and people left
     * without a token; answers how many tokens it dropped.
     */
    int sweep(Instant now) {
        synchronized (writing) {
            int before = tokens.size();
            tokens.values().removeIf(held -> {
                boolean gone = !held.expiresAt().isAfter(now);
                if (gone) {
                    keys.remove(held.tokenId());
                }
                return gone;
            });
            Set<PersonId> holders = new HashSet<>();
            tokens.values().forEach(held -> holders.add(held.person()));
            people.keySet().retainAll(holders);
            return before - tokens.size();
        }
    }

    int capacity() {
        return capacity;
    }

    int tokens() {
        return tokens.size();
    }

    int people() {
        return people.size();
    }
}

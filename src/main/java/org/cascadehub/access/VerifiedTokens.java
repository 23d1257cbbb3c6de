package org.cascadehub.access;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.cascadehub.access.AccessEvents.ApiTokenRevoked;
import org.cascadehub.directory.DirectoryEvents.PersonErased;
import org.cascadehub.directory.DirectoryEvents.PersonSuspended;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.AfterCommit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tokens found valid in the last few seconds, so a client that calls or reconnects often is not
 * looked up in the database each time. Only the token's owner and expiry are kept: whether the
 * person is still active is read on every request. Revoking a token removes it here once the
 * revocation has committed, so the next request with it is refused; anything else that ends a
 * token (erasure revokes a person's tokens, and suspends them) is caught by that per-request
 * check, or within {@code cascade.access.token-check-interval} (5 s) at most; 0 turns this off. Bounded: when full it is emptied.
 */
@Component
class VerifiedTokens {

    /** About 200 bytes an entry: 100,000 live tokens in 20 MB. */
    static final int CAPACITY = 100_000;

    record Verified(UUID tokenId, PersonId person, Instant expiresAt, long checkedAt) {}

    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanoClock;

    @Autowired
    VerifiedTokens(@Value("${cascade.access.token-check-interval:PT5S}") Duration ttl) {
        this(ttl, CAPACITY, System::nanoTime);
    }

    VerifiedTokens(Duration ttl, int capacity, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    Optional<Verified> find(byte[] hash, Instant now) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(hash);
        Verified verified = byHash.get(key);
        if (verified == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - verified.checkedAt() >= ttlNanos
                || !verified.expiresAt().isAfter(now)) {
            byHash.remove(key, verified);
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    void put(byte[] hash, UUID tokenId, PersonId person, Instant expiresAt) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byHash.size() >= capacity) {
            byHash.clear();
        }
        byHash.put(HexFormat.of().formatHex(hash), new Verified(tokenId, person, expiresAt, nanoClock.getAsLong()));
    }

    /** After the revocation commits, so no request can put the token back from a read made before. */
    @EventListener
    void on(ApiTokenRevoked revoked) {
        AfterCommit.run(
                () -> byHash.values().removeIf(verified -> verified.tokenId().equals(revoked.tokenId())));
    }

    @EventListener
    void on(PersonSuspended suspended) {
        AfterCommit.run(() -> forget(suspended.personId()));
    }

    @EventListener
    void on(PersonErased erased) {
        AfterCommit.run(() -> forget(erased.personId()));
    }

    private void forget(PersonId person) {
        byHash.values().removeIf(verified -> verified.person().equals(person));
    }

    int size() {
        return byHash.size();
    }
}

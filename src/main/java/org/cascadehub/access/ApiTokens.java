package org.cascadehub.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.cascadehub.access.AccessEvents.ApiTokenCreated;
import org.cascadehub.access.AccessEvents.ApiTokenRevoked;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.Actors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and integrations. A token is 256 random bits, shown once; only its
 * SHA-256 is stored (a slow hash adds nothing for a secret this long). {@link BearerTokens} checks
 * them.
 */
@Service
class ApiTokens {

    static final String PREFIX = "cas_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AccessSettings settings;
    private final Clock clock;
    private final TokenUse use;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, AccessSettings settings, Clock clock, TokenUse use) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.use = use;
    }

    record Issued(UUID id, String token, Instant expiresAt) {}

    record TokenView(
            UUID id,
            String label,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {}

    @Transactional
    Issued issue(PersonId person, String label, Actor actor) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.tokenLifetime());
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(id, person.value(), sha256(token), label, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        events.publishEvent(new ApiTokenCreated(id, person.value(), label, expiresAt, actor));
        return new Issued(id, token, expiresAt);
    }

    @Transactional(readOnly = true)
    List<TokenView> listFor(PersonId person) {
        return jdbc.sql("""
                SELECT id, label, created_at, expires_at, last_used_at, revoked_at FROM api_token
                WHERE person_id = ? ORDER BY created_at DESC
                """)
                .param(person.value())
                .query((rs, n) -> new TokenView(
                        rs.getObject("id", UUID.class),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        use.lastUsed(rs.getObject("id", UUID.class), instant(rs.getTimestamp("last_used_at"))),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the person's own tokens; false if they have no such live token. */
    @Transactional
    boolean revoke(PersonId person, UUID tokenId) {
        int changed = jdbc.sql(
                        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), tokenId, person.value())
                .update();
        if (changed == 1) {
            events.publishEvent(new ApiTokenRevoked(tokenId, person.value(), Actors.current()));
        }
        return changed == 1;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Cloned for each use: looking the algorithm up ({@code MessageDigest.getInstance}) costs more
     * than the hash of a token, and every bearer request and stream connection hashes one.
     */
    private static final MessageDigest SHA_256 = newSha256();

    static byte[] sha256(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = newSha256();
        }
        return digest.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

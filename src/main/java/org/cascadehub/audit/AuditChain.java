package org.cascadehub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an entry: SHA-256 over its fields and the previous entry's hash, each field
 * length-prefixed so no two different entries can be written as the same bytes.
 */
final class AuditChain {

    /** The "previous hash" of the very first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    static String hash(
            long seq,
            Instant at,
            String actor,
            @Nullable String address,
            String action,
            String detail,
            String previousHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] {
                Long.toString(seq), at.toString(), actor, address == null ? "" : address, action, detail, previousHash
            }) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

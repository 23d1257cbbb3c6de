package org.cascadehub.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log, with the hash that chains it to the line before. {@code detail} is the
 * event as JSON, exactly as hashed.
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        @Nullable String address,
        String action,
        @JsonRawValue String detail,
        String previousHash,
        String hash) {}

package org.cascadehub.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log for hub administrators (the security rules restrict the path). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit log (administrators only)")
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditLog log;
    private final Clock clock;

    AuditController(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    record AuditPage(List<AuditEntry> entries, @Nullable Long nextAfter) {}

    @GetMapping
    @Operation(
            summary = "Read the audit log",
            description = "Entries with from <= at < to, oldest first. " + "Page on with after=<nextAfter>.")
    AuditPage read(
            @Parameter(description = "ISO-8601 instant; default 24 hours before 'to'")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "ISO-8601 instant; default now") @RequestParam(required = false) @Nullable
                    Instant to,
            @Parameter(description = "Only entries after this sequence number") @RequestParam(defaultValue = "0")
                    long after,
            @Parameter(description = "At most this many entries (1 to 1000)") @RequestParam(defaultValue = "100")
                    int limit) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' must be before 'to'.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        List<AuditEntry> entries = log.between(start, end, after, limit);
        Long next = entries.size() == limit ? entries.getLast().seq() : null;
        return new AuditPage(entries, next);
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain", description = "Reports the first entry that does not match.")
    ChainVerification verify() {
        return log.verify();
    }
}

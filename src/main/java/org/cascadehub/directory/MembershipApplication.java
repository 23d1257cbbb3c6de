package org.cascadehub.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An organisation's application to join, and its outcome once vetted. */
public record MembershipApplication(
        UUID id,
        OrganisationId organisationId,
        String organisationName,
        PersonId applicantId,
        String applicantName,
        String applicantEmail,
        String message,
        Instant submittedAt,
        @Nullable String decision,
        @Nullable String reason) {

    public boolean open() {
        return decision == null;
    }
}

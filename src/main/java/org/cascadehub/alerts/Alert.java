package org.cascadehub.alerts;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One CAP message in Cascade: an original alert, an update or cancellation of one, or a sector
 * lead's forward. Published versions never change, except their lifecycle status.
 *
 * @param threadId the original alert of this thread of updates
 * @param referencesId the version an Update or Cancel replaces
 * @param forwardedFromId the alert a sector lead re-cascaded as this one
 * @param note a forward's local note, or why an alert was cancelled
 * @param seq the publication sequence number: the live stream's event id
 */
public record Alert(
        AlertId id,
        AlertId threadId,
        @Nullable AlertId referencesId,
        @Nullable AlertId forwardedFromId,
        CapMsgType msgType,
        AlertStatus status,
        @JsonUnwrapped AlertContent content,
        @Nullable String note,
        PersonId authorId,
        String authorName,
        OrganisationId organisationId,
        String senderName,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Nullable PersonId decidedBy,
        @Nullable String decidedByName,
        @Nullable Instant decidedAt,
        @Nullable String rejectionReason,
        @Nullable Long seq,
        @Nullable String identifier,
        @Nullable Instant publishedAt,
        @Nullable Integer recipientCount) {

    public boolean isForward() {
        return forwardedFromId != null;
    }
}

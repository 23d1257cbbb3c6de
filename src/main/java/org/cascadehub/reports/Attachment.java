package org.cascadehub.reports;

import java.time.Instant;
import org.cascadehub.directory.PersonId;

/**
 * A file attached to a report, as those who may see the report see it.
 *
 * @param name the uploaded file name cleaned up for display (never used in a path)
 * @param type what the bytes are, whatever the name said
 * @param size the stored size in bytes (after metadata was removed)
 * @param sha256 of the stored bytes, in hex
 */
public record Attachment(
        AttachmentId id,
        ReportId reportId,
        String name,
        AttachmentType type,
        long size,
        String sha256,
        PersonId uploadedBy,
        String uploadedByName,
        Instant uploadedAt) {

    /** The name a download is saved as: the display name with the extension its type has. */
    public String downloadName() {
        return AttachmentNames.withExtension(name, type);
    }
}

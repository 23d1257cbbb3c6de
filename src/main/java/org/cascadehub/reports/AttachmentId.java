package org.cascadehub.reports;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;

/** A report attachment's identity; also its stored file's name, so nothing in a path comes from a user. */
public record AttachmentId(UUID value) {

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    /** The id in {@code text}, or empty when it is not a UUID (the caller answers 404). */
    public static Optional<AttachmentId> parse(String text) {
        try {
            return Optional.of(new AttachmentId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

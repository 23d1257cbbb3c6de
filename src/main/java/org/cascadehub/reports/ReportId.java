package org.cascadehub.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident report's identity. Random, not a sequence: an id says nothing about how many reports
 * exist or when one was made.
 */
public record ReportId(UUID value) {

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }

    /** The id in {@code text}, or empty when it is not a UUID (the caller answers 404). */
    public static Optional<ReportId> parse(String text) {
        try {
            return Optional.of(new ReportId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @JsonCreator
    static ReportId fromJson(String text) {
        return new ReportId(UUID.fromString(text));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

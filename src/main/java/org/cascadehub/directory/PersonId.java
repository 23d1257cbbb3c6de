package org.cascadehub.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A person's identity in the directory. */
public record PersonId(UUID value) {

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

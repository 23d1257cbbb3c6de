package org.cascadehub.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** An organisation's identity in the directory. */
public record OrganisationId(UUID value) {

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

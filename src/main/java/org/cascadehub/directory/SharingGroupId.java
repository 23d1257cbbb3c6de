package org.cascadehub.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record SharingGroupId(UUID value) {

    public static SharingGroupId random() {
        return new SharingGroupId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

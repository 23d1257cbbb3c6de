package org.cascadehub.directory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record SiteId(UUID value) {

    public static SiteId random() {
        return new SiteId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.cascadehub.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A webhook subscription's identity. */
public record WebhookId(UUID value) {

    public static WebhookId random() {
        return new WebhookId(UUID.randomUUID());
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.cascadehub.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

/** An alert's (one CAP message's) identity in Cascade. */
public record AlertId(long value) {

    @JsonValue
    public long json() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

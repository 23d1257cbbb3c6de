package org.cascadehub.alerts.cap;

import java.time.OffsetDateTime;

/** One earlier message named in {@code <references>}: written as {@code sender,identifier,sent}. */
public record CapReference(String sender, String identifier, OffsetDateTime sent) {

    public CapReference {
        sent = CapTimes.wholeSeconds(sent);
    }

    /** The CAP form, {@code sender,identifier,sent}. */
    @Override
    public String toString() {
        return sender + "," + identifier + "," + CapTimes.format(sent);
    }
}

package org.cascadehub.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Traffic Light Protocol 2.0 labels, written as TLP 2.0 writes them without the {@code TLP:} prefix. */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** May recipients pass it on (re-cascade) beyond the organisations it was sent to? */
    public boolean allowsOnwardSharing() {
        return this != AMBER_STRICT && this != RED;
    }

    /** Emails and text messages carry a link, never the content. */
    public boolean linkOnly() {
        return this == AMBER || this == AMBER_STRICT || this == RED;
    }

    public static Optional<Tlp> parse(String text) {
        String clean = text.strip().toUpperCase(java.util.Locale.ROOT).replaceFirst("^TLP:", "");
        return Arrays.stream(values()).filter(t -> t.label.equals(clean)).findFirst();
    }

    @JsonCreator
    static Tlp fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a TLP 2.0 label: " + text));
    }
}

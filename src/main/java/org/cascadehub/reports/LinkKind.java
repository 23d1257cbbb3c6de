package org.cascadehub.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why two reports are related. */
public enum LinkKind {
    SAME_PERSON("Same person"),
    SAME_VEHICLE("Same vehicle"),
    SAME_PLACE("Same place"),
    OTHER("Related");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<LinkKind> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}

package org.cascadehub.alerts.cap;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CAP's space-separated lists ({@code <addresses>}, {@code <incidents>}): an item that contains
 * spaces is written in double quotes.
 */
final class CapLists {

    private CapLists() {}

    /** @throws IllegalArgumentException when a double quote is left open */
    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                flush(item, items);
            } else {
                item.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("has a double quote that is never closed");
        }
        flush(item, items);
        return items;
    }

    static String join(List<String> items) {
        return items.stream()
                .map(item -> item.chars().anyMatch(Character::isWhitespace) ? '"' + item + '"' : item)
                .collect(Collectors.joining(" "));
    }

    private static void flush(StringBuilder item, List<String> items) {
        if (!item.isEmpty()) {
            items.add(item.toString());
            item.setLength(0);
        }
    }
}

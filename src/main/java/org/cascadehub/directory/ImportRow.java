package org.cascadehub.directory;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of an import file: the physical line it starts on (the header is line 1) and its values
 * by column. A column the header does not have reads as empty.
 */
record ImportRow(int line, Map<ImportColumn, String> values) {

    ImportRow {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    /** The value, without surrounding spaces; empty if there is none. */
    String text(ImportColumn column) {
        return values.getOrDefault(column, "").strip();
    }

    /** The value, or {@code null} if it is empty. */
    @Nullable
    String optional(ImportColumn column) {
        String text = text(column);
        return text.isEmpty() ? null : text;
    }

    boolean has(ImportColumn column) {
        return !text(column).isEmpty();
    }
}

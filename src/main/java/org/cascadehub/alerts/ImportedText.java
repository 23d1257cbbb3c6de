package org.cascadehub.alerts;

import java.util.List;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Free text from an imported message, made to fit an alert's limits: control characters an alert
 * may not hold become spaces, and text past the limit is cut (with a warning naming the element).
 */
final class ImportedText {

    private static final String CUT = "…";

    private ImportedText() {}

    static @Nullable String fit(@Nullable String text, int max, String path, List<Problem> warnings) {
        if (text == null) {
            return null;
        }
        String clean = clean(text);
        if (clean.length() <= max) {
            return clean;
        }
        warnings.add(new Problem(
                path, "The text is " + clean.length() + " characters; the draft keeps the first " + (max - 1) + "."));
        return clean.substring(0, max - 1) + CUT;
    }

    /** The text, then a blank line and the footer; the text is cut so that the footer always fits. */
    static String withFooter(@Nullable String text, String footer, int max, String path, List<Problem> warnings) {
        String body = text == null ? "" : clean(text);
        String ending = java.util.Objects.requireNonNull(fit(footer, max, path, new java.util.ArrayList<>()));
        if (body.isEmpty()) {
            return ending;
        }
        int room = max - ending.length() - 2;
        if (room < 1) {
            return ending;
        }
        return fit(body, room, path, warnings) + "\n\n" + ending;
    }

    /** Tabs and line breaks stay; other control characters (XML allows some) become spaces. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? ' ' : c)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}

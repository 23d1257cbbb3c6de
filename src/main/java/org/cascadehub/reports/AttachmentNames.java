package org.cascadehub.reports;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Uploaded file names made safe to show and to offer as a download name; they never reach a path. */
final class AttachmentNames {

    static final int MAX_LENGTH = 120;

    private AttachmentNames() {}

    /**
     * The last part of the name a browser sent (some send a whole path), without control or
     * direction-changing characters, at most {@link #MAX_LENGTH} characters; "attachment" if nothing is left.
     */
    static String display(@Nullable String uploaded) {
        if (uploaded == null) {
            return "attachment";
        }
        String name = Normalizer.normalize(uploaded, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && !unsafeFormatting(c))
                .forEach(clean::appendCodePoint);
        String result = clean.toString().strip().replaceAll("\\s+", " ");
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH))
                    .strip();
        }
        return result.isBlank() ? "attachment" : result;
    }

    /** The name with its extension replaced by the one its real type has ("photo.exe" as a JPEG is "photo.jpg"). */
    static String withExtension(String name, AttachmentType type) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (extension.equals(type.extension()) || (type == AttachmentType.JPEG && extension.equals("jpeg"))) {
            return name;
        }
        return base + "." + type.extension();
    }

    /** Bidirectional overrides and other invisible formatting, which can make "gpj.exe" look like "exe.jpg". */
    private static boolean unsafeFormatting(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}

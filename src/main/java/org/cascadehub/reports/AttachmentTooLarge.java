package org.cascadehub.reports;

import org.cascadehub.platform.InvalidInput;

/** A file over the configured size: a field problem on {@code file} that the API answers with 413. */
public class AttachmentTooLarge extends InvalidInput {

    AttachmentTooLarge(long maxBytes) {
        super(java.util.List.of(new FieldProblem(ContentSniffer.FIELD, message(maxBytes))));
    }

    public static String message(long maxBytes) {
        return "The file is larger than " + describe(maxBytes) + ", the most a report attachment may be.";
    }

    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}

package org.cascadehub.directory;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an import file.
 *
 * @param line the physical line of the file it is on, counting the header as line 1 (a row with a
 *     quoted value that spans lines is at the line it starts on); {@code null} for the file as a
 *     whole (too large, too many rows)
 * @param column the column at fault, {@code header} for the header row, or {@code file}
 * @param message what is wrong, in words a person can act on
 */
public record ImportProblem(@Nullable Integer line, String column, String message) {

    static ImportProblem ofFile(String message) {
        return new ImportProblem(null, "file", message);
    }

    /** "Line 4, email: ...", for logs and the plain-text form of a rejection. */
    public String describe() {
        return (line == null ? "" : "Line " + line + ", ") + column + ": " + message;
    }
}

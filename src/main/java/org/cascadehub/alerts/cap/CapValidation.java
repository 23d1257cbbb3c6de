package org.cascadehub.alerts.cap;

import java.util.List;

/**
 * What {@link CapValidator} found: errors make the message invalid CAP 1.2; warnings are worth
 * fixing but do not.
 *
 * @param valid true when there are no errors
 */
public record CapValidation(boolean valid, List<Problem> errors, List<Problem> warnings) {

    /**
     * One finding.
     *
     * @param path where in the message, such as {@code /alert/info[1]/area[2]/polygon[1]} (1-based)
     * @param message what is wrong, in plain words that name the element
     */
    public record Problem(String path, String message) {}

    public CapValidation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (valid != errors.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no errors");
        }
    }

    static CapValidation of(List<Problem> errors, List<Problem> warnings) {
        return new CapValidation(errors.isEmpty(), errors, warnings);
    }
}

package org.cascadehub.alerts.cap;

import java.util.ArrayList;
import java.util.List;
import org.cascadehub.alerts.cap.CapValidation.Problem;

/** Collects problems as the schema check and the rules find them. */
final class Findings {

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new Problem(path, message));
    }

    void warning(String path, String message) {
        warnings.add(new Problem(path, message));
    }

    /** A document that cannot be read as XML has this one problem; what was found before it is moot. */
    void onlyError(String path, String message) {
        errors.clear();
        warnings.clear();
        error(path, message);
    }

    boolean hasErrorAt(String path) {
        return errors.stream().anyMatch(problem -> problem.path().equals(path));
    }

    CapValidation result() {
        return CapValidation.of(errors, warnings);
    }
}

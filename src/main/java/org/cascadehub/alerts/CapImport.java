package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.List;
import org.cascadehub.alerts.cap.CapAlert;
import org.cascadehub.alerts.cap.CapFormatException;
import org.cascadehub.alerts.cap.CapValidation;
import org.cascadehub.alerts.cap.CapValidation.Problem;
import org.cascadehub.alerts.cap.CapValidator;
import org.cascadehub.alerts.cap.CapXml;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.NotAllowed;
import org.springframework.stereotype.Service;

/**
 * Turns an external CAP 1.2 (or 1.1) alert, such as a flood or weather warning, into a draft for an
 * author to review and cascade. The message must be valid CAP; the draft then passes the same
 * checks as one an author writes ({@link AlertAuthoring#draft}), and its description ends with where
 * it came from.
 */
@Service
public class CapImport {

    /** The draft, and what the author should check in it. */
    public record Imported(Alert alert, List<Problem> warnings) {}

    /** The message is not valid CAP: the validator's errors, each with its path. */
    public static final class InvalidCap extends RuntimeException {
        private final List<Problem> errors;

        InvalidCap(List<Problem> errors) {
            super("The message is not valid CAP 1.2: "
                    + errors.stream().map(e -> e.path() + " " + e.message()).toList());
            this.errors = List.copyOf(errors);
        }

        public List<Problem> errors() {
            return errors;
        }
    }

    private final CapValidator validator;
    private final ImportedDraft mapping;
    private final AlertAuthoring authoring;

    CapImport(CapValidator validator, ImportedDraft mapping, AlertAuthoring authoring) {
        this.validator = validator;
        this.mapping = mapping;
        this.authoring = authoring;
    }

    /**
     * @throws NotAllowed unless the viewer writes alerts (checked before the message is read)
     * @throws InvalidCap when the message is not valid CAP; nothing is created
     */
    public Imported importAlert(Viewer viewer, byte[] xml) {
        if (!AlertPolicy.canAuthor(viewer)) {
            throw new NotAllowed("Only police coordinators and hub administrators import alerts.");
        }
        CapValidation validation = validator.validate(xml);
        if (!validation.valid()) {
            throw new InvalidCap(validation.errors());
        }
        CapAlert cap;
        try {
            cap = CapXml.read(xml);
        } catch (CapFormatException e) {
            throw new InvalidCap(List.of(new Problem(e.path(), e.problem())));
        }
        ImportedDraft.Mapped mapped = mapping.map(cap, viewer);
        Alert draft = authoring.draft(viewer, mapped.draft());
        List<Problem> warnings = new ArrayList<>(validation.warnings());
        warnings.addAll(mapped.warnings());
        return new Imported(draft, List.copyOf(warnings));
    }
}

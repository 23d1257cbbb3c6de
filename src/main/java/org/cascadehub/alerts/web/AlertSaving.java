package org.cascadehub.alerts.web;

import java.util.Objects;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.AlertAuthoring;
import org.cascadehub.alerts.AlertDraft;
import org.cascadehub.alerts.AlertId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * What the alert form's buttons do: read the form into a draft (with every problem, the form's and
 * the service's, named by the form's fields), then save it and, if asked, submit or publish it.
 */
@Component
class AlertSaving {

    /** The saved alert and what to tell its author. */
    record Saved(Alert alert, String notice) {}

    private final AlertAuthoring authoring;
    private final AudienceNames names;

    AlertSaving(AlertAuthoring authoring, AudienceNames names) {
        this.authoring = authoring;
        this.names = names;
    }

    /**
     * The draft the form describes. When part of the form cannot be read, the service still checks
     * the rest, so every problem is shown at once; the service's are renamed to the form's fields.
     */
    AlertDraft checked(Viewer viewer, AlertForm form) {
        // needsApproval checks the draft exactly as saving would, without saving or counting anything.
        InvalidInput.Collector problems = new InvalidInput.Collector();
        AlertDraft draft = form.draft(problems, AlertTimes.LONDON, names);
        if (problems.isEmpty()) {
            try {
                authoring.needsApproval(viewer, draft);
            } catch (InvalidInput invalid) {
                throw form.renamed(invalid);
            }
            return draft;
        }
        InvalidInput service = null;
        try {
            authoring.needsApproval(viewer, draft);
        } catch (InvalidInput invalid) {
            service = invalid;
        }
        throw AlertFormFields.merged(problems, service, form.expiry());
    }

    /**
     * Saves a checked draft and takes the step its button asked for. Publishing an alert that needs
     * approval is refused before anything is saved.
     */
    Saved save(Viewer viewer, FormMode mode, AlertDraft draft, String action) {
        if (action.equals("publish") && authoring.needsApproval(viewer, draft)) {
            throw InvalidInput.of(
                    "approval",
                    "With this severity and TLP label the alert needs a second person's approval before it goes"
                            + " out: choose 'Submit for approval'.");
        }
        Alert saved = switch (mode.kind()) {
            case NEW -> authoring.draft(viewer, draft);
            case EDIT -> authoring.edit(viewer, original(mode), draft);
            case UPDATE -> authoring.update(viewer, original(mode), draft);
        };
        String what = mode.isUpdate() ? "The update" : "The alert";
        return switch (action) {
            case "submit" -> new Saved(authoring.submit(viewer, saved.id()), what + " is submitted for approval.");
            case "publish" -> {
                Alert published = authoring.publish(viewer, saved.id());
                yield new Saved(published, what + " is published to " + people(published) + ".");
            }
            default -> new Saved(saved, what + " is saved as a draft.");
        };
    }

    private static AlertId original(FormMode mode) {
        return Objects.requireNonNull(mode.alert()).id();
    }

    private static String people(Alert alert) {
        int count = alert.recipientCount() == null ? 0 : alert.recipientCount();
        return count == 1 ? "1 person" : count + " people";
    }
}

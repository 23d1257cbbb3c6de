package org.cascadehub.alerts.web;

import org.cascadehub.alerts.Alert;
import org.jspecify.annotations.Nullable;

/**
 * Which of the alert form's three uses a page is: a new alert, a change to a draft or rejected
 * one, or an update of a published one ({@code alert} is the one changed or updated).
 */
record FormMode(Kind kind, @Nullable Alert alert) {

    enum Kind {
        NEW,
        EDIT,
        UPDATE
    }

    static FormMode adding() {
        return new FormMode(Kind.NEW, null);
    }

    static FormMode editing(Alert alert) {
        return new FormMode(Kind.EDIT, alert);
    }

    static FormMode updating(Alert alert) {
        return new FormMode(Kind.UPDATE, alert);
    }

    public String heading() {
        return switch (kind) {
            case NEW -> "Write an alert";
            case EDIT -> "Change the alert";
            case UPDATE -> "Update the alert";
        };
    }

    public String action() {
        return switch (kind) {
            case NEW -> "/alerts/new";
            case EDIT -> "/alerts/" + alertId() + "/edit";
            case UPDATE -> "/alerts/" + alertId() + "/update";
        };
    }

    /** Where "Back" goes. */
    public String back() {
        return kind == Kind.NEW ? "/alerts" : "/alerts/" + alertId();
    }

    public boolean isNew() {
        return kind == Kind.NEW;
    }

    public boolean isUpdate() {
        return kind == Kind.UPDATE;
    }

    private String alertId() {
        return alert == null ? "" : alert.id().toString();
    }
}

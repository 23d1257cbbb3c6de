package org.cascadehub.alerts;

import org.cascadehub.directory.Role;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with alerts. Every read path (page, API, stream, feed, export, email) asks {@link
 * #canSee}; anything it does not allow is denied.
 */
public final class AlertPolicy {

    private AlertPolicy() {}

    /** Police coordinators and hub administrators write alerts. */
    public static boolean canAuthor(Viewer viewer) {
        return viewer.vettedMember() && (viewer.is(Role.POLICE_COORDINATOR) || viewer.is(Role.ADMINISTRATOR));
    }

    /** The hub's alert staff see every alert in every state, except TLP:RED ones not addressed to them. */
    public static boolean isAlertStaff(Viewer viewer) {
        return viewer.vettedMember()
                && (viewer.is(Role.POLICE_COORDINATOR) || viewer.is(Role.ADMINISTRATOR) || viewer.is(Role.APPROVER));
    }

    /** An approver who did not write the alert. */
    public static boolean canApprove(Viewer viewer, Alert alert) {
        return viewer.vettedMember()
                && viewer.is(Role.APPROVER)
                && !alert.authorId().equals(viewer.personId());
    }

    /** The author changes their own draft; an administrator may change anyone's. */
    public static boolean canEdit(Viewer viewer, Alert alert) {
        return canAuthor(viewer) && (alert.authorId().equals(viewer.personId()) || viewer.administrator());
    }

    /**
     * May this person see this alert? {@code recipient}: the alert was sent to them; {@code
     * organisationReached}: it was sent to someone in their organisation.
     */
    public static boolean canSee(@Nullable Viewer viewer, Alert alert, boolean recipient, boolean organisationReached) {
        Tlp tlp = alert.content().tlp();
        if (!alert.status().sent()) {
            return viewer != null && isAlertStaff(viewer);
        }
        if (tlp == Tlp.CLEAR) {
            return true;
        }
        if (viewer == null || !viewer.vettedMember()) {
            return false;
        }
        if (tlp == Tlp.RED) {
            return recipient
                    || alert.authorId().equals(viewer.personId())
                    || viewer.personId().equals(alert.decidedBy());
        }
        if (isAlertStaff(viewer) || tlp == Tlp.GREEN) {
            return true;
        }
        // AMBER and AMBER+STRICT: the organisations it was sent to, and the author's
        return organisationReached || alert.organisationId().equals(viewer.organisationId());
    }

    /**
     * A sector lead who received an alert may forward it to their sector's members, unless its TLP
     * label forbids onward sharing.
     */
    public static boolean canForward(Viewer viewer, Alert alert, boolean recipient) {
        return viewer.vettedMember()
                && viewer.is(Role.SECTOR_LEAD)
                && !viewer.leadSectors().isEmpty()
                && recipient
                && alert.status() == AlertStatus.PUBLISHED
                && alert.content().tlp().allowsOnwardSharing();
    }

    /** Cancelling or updating: the author, police coordinators, administrators. */
    public static boolean canRevise(Viewer viewer, Alert alert) {
        return canAuthor(viewer) && !alert.isForward();
    }
}

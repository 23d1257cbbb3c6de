package org.cascadehub.alerts;

/** Where an alert is in its life. */
public enum AlertStatus {
    /** Being written; only its author and the hub's alert staff see it. */
    DRAFT,
    /** Waiting for an approver. */
    SUBMITTED,
    /** Sent back to its author with a reason; the author may change and resubmit it. */
    REJECTED,
    /** Sent, and current. */
    PUBLISHED,
    /** Replaced by a published update. */
    SUPERSEDED,
    /** Withdrawn by a published cancellation. */
    CANCELLED,
    /** Past its expiry time. */
    EXPIRED;

    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }

    /** Cancelled or expired: it takes no more acknowledgements. */
    public boolean closed() {
        return this == CANCELLED || this == EXPIRED;
    }

    public boolean sent() {
        return this == PUBLISHED || this == SUPERSEDED || this == CANCELLED || this == EXPIRED;
    }
}

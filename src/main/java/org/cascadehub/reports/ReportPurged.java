package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/**
 * A closed report reached the end of its retention and was deleted with its sharing, history,
 * messages, links and attachment rows; listeners remove what lives outside the database (files).
 */
public record ReportPurged(ReportId reportId, Actor actor) implements AuditedEvent {

    public ReportPurged(ReportId reportId) {
        this(reportId, Actor.SYSTEM);
    }
}

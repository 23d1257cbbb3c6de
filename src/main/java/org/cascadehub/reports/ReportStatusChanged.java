package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/**
 * A police coordinator moved a report on; {@code changeId} is the row of its status history, which
 * holds the message shared with the reporter.
 */
public record ReportStatusChanged(ReportId reportId, ReportStatus from, ReportStatus to, long changeId, Actor actor)
        implements AuditedEvent {}

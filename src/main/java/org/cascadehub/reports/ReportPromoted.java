package org.cascadehub.reports;

import org.cascadehub.alerts.AlertId;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A police coordinator started an alert draft from a report. */
public record ReportPromoted(ReportId reportId, AlertId alertId, Actor actor) implements AuditedEvent {}

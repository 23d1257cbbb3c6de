package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A message on a report, from the police or from the reporter's organisation. */
public record ReportMessagePosted(ReportId reportId, long messageId, boolean fromPolice, Actor actor)
        implements AuditedEvent {}

package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A police coordinator marked two reports as related. */
public record ReportsLinked(ReportId reportId, ReportId relatedId, LinkKind kind, Actor actor)
        implements AuditedEvent {}

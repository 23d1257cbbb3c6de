package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A report was submitted: the police coordinators are told at once. */
public record ReportSubmitted(ReportId reportId, String tlp, boolean immediateDanger, Actor actor)
        implements AuditedEvent {}

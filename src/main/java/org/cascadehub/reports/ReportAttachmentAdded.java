package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** A file was attached to a report; {@code type} is what its bytes are, {@code size} its stored size. */
public record ReportAttachmentAdded(ReportId reportId, AttachmentId attachmentId, String type, long size, Actor actor)
        implements AuditedEvent {}

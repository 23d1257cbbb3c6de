package org.cascadehub.reports;

import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/**
 * Someone read the content of a TLP:AMBER, AMBER+STRICT or RED report; {@code via} says where (api,
 * page, attachment, export). The audit log records every such read.
 */
public record RestrictedReportRead(ReportId reportId, String tlp, String via, Actor actor) implements AuditedEvent {}

package org.cascadehub.reports;

import java.time.Instant;

/** Another report marked as related to this one, and why. */
public record ReportLink(ReportId related, LinkKind kind, String note, Instant linkedAt) {}

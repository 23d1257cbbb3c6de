package org.cascadehub.reports;

import java.time.Instant;

/** A message on a report, between the reporter's organisation and the police. */
public record ReportMessage(long id, String authorName, boolean fromPolice, String body, Instant postedAt) {}

package org.cascadehub.reports;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** The report form as its author last left it, whatever they had typed. */
public record SavedDraft(JsonNode content, Instant updatedAt) {}

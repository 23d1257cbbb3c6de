package org.cascadehub.directory;

/**
 * What an import created, or for a check, what it would create.
 *
 * @param imported whether anything was written ({@code false} for a check)
 */
public record ImportReport(int organisations, int sites, int people, boolean imported) {}

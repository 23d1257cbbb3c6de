package org.cascadehub.platform;

import java.util.UUID;

/**
 * A module's part of a subject access export: everything it holds about one person, as plain data
 * (records, lists, maps) ready to be written as JSON. Never secrets (password hashes, token values,
 * second-factor keys): their existence and dates, not their content.
 */
public interface PersonalData {

    /** The section's name in the export, e.g. "access". */
    String section();

    Object about(UUID personId, String email);
}

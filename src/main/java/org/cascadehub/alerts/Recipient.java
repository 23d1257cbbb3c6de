package org.cascadehub.alerts;

import java.util.Set;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One person an alert is sent to, as fixed when it was published.
 *
 * @param boroughCode the borough of their organisation's site in the area; {@code null} for a person
 *     named in the audience without a site there
 * @param viaEmail they chose to be told by email as well as on screen
 * @param viaSms they chose to be told by text message and have a mobile number
 */
public record Recipient(
        PersonId personId,
        OrganisationId organisationId,
        @Nullable String boroughCode,
        Set<String> sectors,
        boolean viaEmail,
        boolean viaSms) {

    public Recipient {
        sectors = Set.copyOf(sectors);
    }
}

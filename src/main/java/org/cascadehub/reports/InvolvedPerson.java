package org.cascadehub.reports;

import org.jspecify.annotations.Nullable;

/**
 * A person involved in an incident, described by fixed fields only. There is deliberately no field
 * for ethnicity, religion, sexual orientation or health (special-category data), and no free-form
 * field beyond these: unknown JSON properties are not stored.
 *
 * @param role SUSPECT, WITNESS or VICTIM
 * @param sex FEMALE, MALE or UNKNOWN
 * @param ageRange such as "25-34"
 */
public record InvolvedPerson(
        @Nullable String role,
        @Nullable String sex,
        @Nullable String ageRange,
        @Nullable String height,
        @Nullable String build,
        @Nullable String hair,
        @Nullable String clothing,
        @Nullable String distinguishingFeatures) {

    /** The roles a person can have in a report. */
    public enum Role {
        SUSPECT,
        WITNESS,
        VICTIM
    }

    /** How a person's sex is recorded, when known. */
    public enum Sex {
        FEMALE,
        MALE,
        UNKNOWN
    }
}

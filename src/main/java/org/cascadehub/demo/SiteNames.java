package org.cascadehub.demo;

import java.util.List;
import org.cascadehub.demo.LondonStreets.Street;
import org.cascadehub.directory.OrganisationKind;

/** Names for demo sites, in the style each kind of organisation would use. */
final class SiteNames {

    private SiteNames() {}

    static String name(String organisation, OrganisationKind kind, List<String> sectors, Street street) {
        return switch (kind) {
            case POLICE_UNIT -> street.name() + " Police Station";
            case INFRASTRUCTURE_OPERATOR ->
                street.name() + (sectors.contains("transport") ? " station" : " substation");
            case BUSINESS_CRIME_REDUCTION_PARTNERSHIP, BUSINESS_IMPROVEMENT_DISTRICT, HUB_OPERATOR ->
                shortName(organisation) + " office";
            default -> shortName(organisation) + ", " + street.name() + townSuffix(street);
        };
    }

    /** "Harland and Finch Department Stores plc" becomes "Harland and Finch Department Stores". */
    static String shortName(String organisation) {
        return organisation.replaceAll(" (Ltd|plc|LLP|Limited)$", "");
    }

    private static String townSuffix(Street street) {
        return street.town().equals("London") ? "" : " " + street.town();
    }
}

package org.cascadehub.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Report drafts as scripts write them, for the API tests. */
final class ReportJson {

    /** On the Strand, Westminster. */
    static final double STRAND_LAT = 51.5101;

    static final double STRAND_LON = -0.1220;

    private ReportJson() {}

    /** A hostile reconnaissance report on the Strand an hour ago. */
    static String hostileReconnaissance(String tlp, String sharing) {
        return report("HOSTILE_RECONNAISSANCE", Instant.now().minus(1, ChronoUnit.HOURS), tlp, sharing, "");
    }

    static String report(String type, Instant occurredAt, String tlp, String sharing, String extraDescription) {
        return """
                {"type": "%s", "occurredAt": "%s", "location": {"lat": %s, "lon": %s},
                 "description": "Two men filmed the staff entrance and asked about shift changes. %s",
                 "people": [{"role": "SUSPECT", "sex": "MALE", "ageRange": "25-34", "height": "tall",
                             "clothing": "black puffer jacket", "distinguishingFeatures": "scar on left cheek"}],
                 "vehicles": [{"make": "Ford", "model": "Transit", "colour": "white", "registration": "AB12 CDE",
                               "direction": "east on the Strand"}],
                 "immediateDanger": false, "tlp": "%s", "sharing": %s}
                """.formatted(type, occurredAt, STRAND_LAT, STRAND_LON, extraDescription, tlp, sharing);
    }

    static final String POLICE_ONLY = "{\"organisations\": [], \"sharingGroups\": [], \"people\": []}";

    static String people(String... ids) {
        return "{\"people\": [" + quoted(ids) + "]}";
    }

    static String organisations(String... ids) {
        return "{\"organisations\": [" + quoted(ids) + "]}";
    }

    static String quoted(String... ids) {
        return String.join(
                ", ", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList());
    }
}

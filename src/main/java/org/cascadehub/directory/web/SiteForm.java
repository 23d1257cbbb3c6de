package org.cascadehub.directory.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadehub.directory.Site;
import org.cascadehub.directory.SiteDetails;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The site form as typed; latitude and longitude stay text until they are read. */
record SiteForm(
        @Nullable String name,
        @Nullable String address,
        @Nullable String latitude,
        @Nullable String longitude) {

    /** A problem with the point as a whole is shown at the latitude input, where the map writes. */
    static final Map<String, String> ANCHORS = anchors();

    static SiteForm empty() {
        return new SiteForm(null, null, null, null);
    }

    static SiteForm of(Site site) {
        return new SiteForm(
                site.name(), site.address(), String.valueOf(site.latitude()), String.valueOf(site.longitude()));
    }

    /**
     * The details to save, with coordinates that are not numbers reported by field. Coordinates
     * that cannot be read are passed on as absent, so the name and address are still checked.
     */
    SiteDetails details(InvalidInput.Collector problems) {
        Double lat = number(problems, "latitude", latitude, "Latitude must be a number, like 51.5007");
        Double lon = number(problems, "longitude", longitude, "Longitude must be a number, like -0.1246");
        return new SiteDetails(name, address, lat, lon);
    }

    private static Map<String, String> anchors() {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field : new String[] {"name", "address", "location", "latitude", "longitude"}) {
            anchors.put(field, field.equals("location") ? "latitude" : field);
        }
        return anchors;
    }

    private static @Nullable Double number(
            InvalidInput.Collector problems, String field, @Nullable String text, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problems.add(field, message);
            return null;
        }
    }
}

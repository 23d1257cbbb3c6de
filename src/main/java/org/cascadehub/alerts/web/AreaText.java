package org.cascadehub.alerts.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cascadehub.alerts.Area;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Areas as the form writes them: a polygon as {@code lat,lon;lat,lon;...} (what the map writes
 * into the hidden field, and what can be typed without it), a circle as three numbers.
 */
final class AreaText {

    private AreaText() {}

    static String polygon(List<List<Double>> points) {
        return points.stream()
                .map(p -> number(p.get(0)) + "," + number(p.get(1)))
                .collect(Collectors.joining(";"));
    }

    /** Plain decimals, never {@code 1.0E-5}, without trailing zeros. */
    static String number(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static @Nullable Area polygon(InvalidInput.Collector problems, @Nullable String text) {
        if (text == null || text.isBlank()) {
            problems.add(
                    "polygon",
                    "Draw the area on the map, or enter at least three points as latitude,longitude separated by"
                            + " semicolons.");
            return null;
        }
        List<List<Double>> points = new ArrayList<>();
        String[] pairs = text.strip().split("\\s*[;\\n]\\s*");
        for (int i = 0; i < pairs.length; i++) {
            String[] parts = pairs[i].split("\\s*,\\s*");
            Double lat = parts.length == 2 ? parse(parts[0]) : null;
            Double lon = parts.length == 2 ? parse(parts[1]) : null;
            if (lat == null || lon == null) {
                problems.add(
                        "polygon",
                        "Point " + (i + 1) + " ('" + pairs[i].strip()
                                + "') is not a latitude and longitude like 51.5101,-0.1240.");
                return null;
            }
            points.add(List.of(lat, lon));
        }
        return Area.ofPolygon(points);
    }

    static @Nullable Area circle(
            InvalidInput.Collector problems, @Nullable String lat, @Nullable String lon, @Nullable String radiusKm) {
        Double latitude = required(problems, "circleLat", lat, "the centre's latitude, like 51.5101");
        Double longitude = required(problems, "circleLon", lon, "the centre's longitude, like -0.1240");
        Double radius = required(problems, "circleRadiusKm", radiusKm, "the radius in kilometres, like 0.5");
        if (latitude == null || longitude == null || radius == null) {
            return null;
        }
        return Area.ofCircle(latitude, longitude, radius);
    }

    private static @Nullable Double required(
            InvalidInput.Collector problems, String field, @Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            problems.add(field, "Enter " + what + ".");
            return null;
        }
        Double value = parse(text);
        if (value == null) {
            problems.add(field, "Enter " + what + " (a number).");
        }
        return value;
    }

    private static @Nullable Double parse(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

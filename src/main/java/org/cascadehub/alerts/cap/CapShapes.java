package org.cascadehub.alerts.cap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text forms of CAP's shapes: {@code lat,lon lat,lon ...} for a polygon, {@code lat,lon
 * radius} for a circle. Parsing checks the form only; ranges and closure are the validator's.
 * Failures throw {@link IllegalArgumentException} with words that follow the element's name.
 */
final class CapShapes {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CapShapes() {}

    /** A decimal number as CAP writes it: plain digits, never an exponent. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static CapPolygon polygon(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is empty; it needs at least four 'latitude,longitude' points");
        }
        List<CapPoint> points = new ArrayList<>();
        String[] pairs = SPACES.split(value);
        for (int i = 0; i < pairs.length; i++) {
            try {
                points.add(point(pairs[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("point " + (i + 1) + " " + e.getMessage(), e);
            }
        }
        return new CapPolygon(points);
    }

    static CapCircle circle(String text) {
        String[] parts = SPACES.split(text.strip());
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "'" + text.strip() + "' is not 'latitude,longitude radius' (for example 38.47,-120.14 5.0)");
        }
        CapPoint centre = point(parts[0]);
        if (!NUMBER.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("radius '" + parts[1] + "' is not a number of kilometres");
        }
        return new CapCircle(centre.lat(), centre.lon(), Double.parseDouble(parts[1]));
    }

    static CapPoint point(String pair) {
        String[] parts = pair.split(",", -1);
        if (parts.length != 2
                || !NUMBER.matcher(parts[0]).matches()
                || !NUMBER.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException(
                    "'" + pair + "' is not a 'latitude,longitude' pair such as 38.47,-120.14");
        }
        return new CapPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    }

    /** Why a point is off the globe, or null when it is on it. */
    static @Nullable String outOfRange(CapPoint point) {
        if (point.lat() < -90 || point.lat() > 90) {
            return "has latitude " + number(point.lat()) + ", outside -90 to 90";
        }
        if (point.lon() < -180 || point.lon() > 180) {
            return "has longitude " + number(point.lon()) + ", outside -180 to 180";
        }
        return null;
    }
}

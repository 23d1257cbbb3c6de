package org.cascadehub.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Checks an alert's area and puts it in its stored form; each problem names its field under {@code area}. */
final class AreaCheck {

    static final double MAX_RADIUS_KM = 50;
    static final int MAX_POLYGON_POINTS = 1000;

    /** An area in its stored form, with its description in words. */
    record Checked(Area area, String description) {}

    private AreaCheck() {}

    static Checked check(@Nullable Area area, Boroughs boroughs) {
        if (area == null) {
            throw InvalidInput.of("area", "Choose where the alert applies: boroughs, a polygon or a circle.");
        }
        int given =
                (area.boroughs() != null ? 1 : 0) + (area.polygon() != null ? 1 : 0) + (area.circle() != null ? 1 : 0);
        if (given != 1) {
            throw InvalidInput.of("area", "Give exactly one of boroughs, polygon or circle.");
        }
        if (area.boroughs() != null) {
            return boroughs(area.boroughs(), boroughs);
        }
        if (area.polygon() != null) {
            return polygon(area.polygon());
        }
        return circle(java.util.Objects.requireNonNull(area.circle()));
    }

    private static Checked boroughs(List<String> given, Boroughs boroughs) {
        if (given.isEmpty()) {
            throw InvalidInput.of("area.boroughs", "Choose at least one borough.");
        }
        Set<Borough> found = new LinkedHashSet<>();
        for (String text : given) {
            Borough borough = text == null
                    ? null
                    : boroughs.findByCodeOrName(text.strip()).orElse(null);
            if (borough == null) {
                throw InvalidInput.of("area.boroughs", "There is no borough called " + text + ".");
            }
            found.add(borough);
        }
        List<String> codes = found.stream().map(Borough::code).toList();
        String description = found.size() == boroughs.all().size()
                ? "All boroughs"
                : String.join(", ", found.stream().map(Borough::name).toList());
        return new Checked(Area.ofBoroughs(codes), description);
    }

    private static Checked polygon(List<List<Double>> points) {
        if (points.size() > MAX_POLYGON_POINTS) {
            throw InvalidInput.of("area.polygon", "A polygon may have at most " + MAX_POLYGON_POINTS + " points.");
        }
        List<List<Double>> ring = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<Double> point = points.get(i);
            if (point.size() != 2 || point.get(0) == null || point.get(1) == null) {
                throw InvalidInput.of("area.polygon", "Point " + (i + 1) + " must be [latitude, longitude].");
            }
            checkPosition("area.polygon", "Point " + (i + 1), point.get(0), point.get(1));
            ring.add(List.of(point.get(0), point.get(1)));
        }
        if (ring.size() >= 3 && !ring.getFirst().equals(ring.getLast())) {
            ring.add(ring.getFirst()); // a polygon drawn on a map is open; CAP wants it closed
        }
        if (ring.size() < 4) {
            throw InvalidInput.of("area.polygon", "A polygon needs at least three different points.");
        }
        Polygon polygon = AreaShapes.polygon(ring);
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null || polygon.getArea() == 0) {
            throw InvalidInput.of(
                    "area.polygon", "The polygon's edges must not cross each other, and it must enclose an area.");
        }
        Coordinate centre = polygon.getCentroid().getCoordinate();
        return new Checked(
                Area.ofPolygon(ring),
                String.format(Locale.ROOT, "An area drawn around %.4f, %.4f", centre.y, centre.x));
    }

    private static Checked circle(Area.Circle circle) {
        checkPosition("area.circle", "The centre", circle.lat(), circle.lon());
        if (!(circle.radiusKm() > 0) || circle.radiusKm() > MAX_RADIUS_KM) {
            throw InvalidInput.of(
                    "area.circle.radiusKm",
                    "The radius must be more than 0 and at most " + (int) MAX_RADIUS_KM + " km.");
        }
        return new Checked(
                Area.ofCircle(circle.lat(), circle.lon(), circle.radiusKm()),
                String.format(
                        Locale.ROOT,
                        "Within %s km of %.4f, %.4f",
                        new java.math.BigDecimal(Double.toString(circle.radiusKm()))
                                .stripTrailingZeros()
                                .toPlainString(),
                        circle.lat(),
                        circle.lon()));
    }

    private static void checkPosition(String field, String what, double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw InvalidInput.of(
                    field, what + " is not a position: latitude must be -90 to 90, longitude -180 to 180.");
        }
    }
}

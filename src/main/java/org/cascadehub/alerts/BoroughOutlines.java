package org.cascadehub.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cascadehub.alerts.cap.CapPoint;
import org.cascadehub.alerts.cap.CapPolygon;
import org.cascadehub.directory.Boroughs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;

/**
 * Borough outlines as CAP polygons, simplified so an alert for a few boroughs stays a few kilobytes:
 * at most {@link #MAX_POINTS} points per outline, rounded to five decimals (about a metre). Holes
 * are dropped (CAP polygons have none). Computed once per borough.
 */
@Component
class BoroughOutlines {

    static final int MAX_POINTS = 120;
    private static final double FIRST_TOLERANCE = 0.0002; // degrees, about 15-20 m in London

    private final Boroughs boroughs;
    private final Map<String, List<CapPolygon>> simplified = new ConcurrentHashMap<>();

    BoroughOutlines(Boroughs boroughs) {
        this.boroughs = boroughs;
    }

    /** The borough's outline as closed CAP polygons (one per part), or none for an unknown code. */
    List<CapPolygon> of(String code) {
        return simplified.computeIfAbsent(
                code, c -> boroughs.outline(c).map(BoroughOutlines::simplify).orElse(List.of()));
    }

    static List<CapPolygon> simplify(Geometry outline) {
        List<CapPolygon> polygons = new ArrayList<>();
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            if (outline.getGeometryN(i) instanceof Polygon part) {
                CapPolygon polygon = ring(simplified(part));
                if (polygon.points().size() >= 4) {
                    polygons.add(polygon);
                }
            }
        }
        return List.copyOf(polygons);
    }

    private static Polygon simplified(Polygon part) {
        Polygon shell = Boroughs.GEOMETRY.createPolygon(part.getExteriorRing().getCoordinates());
        double tolerance = FIRST_TOLERANCE;
        Geometry result = shell;
        while (result.getNumPoints() > MAX_POINTS && tolerance < 1) {
            result = TopologyPreservingSimplifier.simplify(shell, tolerance);
            tolerance *= 2;
        }
        return result instanceof Polygon polygon ? polygon : shell;
    }

    /** {@code lat,lon} points, rounded, without repeats in a row; closed as the outline is. */
    private static CapPolygon ring(Polygon polygon) {
        List<CapPoint> points = new ArrayList<>();
        for (Coordinate c : polygon.getExteriorRing().getCoordinates()) {
            CapPoint point = new CapPoint(round(c.y), round(c.x));
            if (points.isEmpty() || !points.getLast().equals(point)) {
                points.add(point);
            }
        }
        if (!points.isEmpty() && !points.getFirst().equals(points.getLast())) {
            points.add(points.getFirst());
        }
        return new CapPolygon(points);
    }

    private static double round(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).doubleValue();
    }
}

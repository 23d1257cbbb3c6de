package org.cascadehub.alerts.cap;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The CAP 1.2 specification's rules for an {@code <area>} that the schema cannot express: the
 * text forms of polygons and circles, WGS 84 ranges, closed rings, and altitude with ceiling.
 */
final class AreaRules {

    private static final int MINIMUM_POINTS = 4;

    private AreaRules() {}

    static void check(Element area, String path, Findings findings) {
        CapRules.notBlank(area, "areaDesc", path, findings);
        List<Element> polygons = Dom.children(area, "polygon");
        for (int i = 0; i < polygons.size(); i++) {
            polygon(Dom.text(polygons.get(i)), CapPaths.child(path, "polygon", i + 1), findings);
        }
        List<Element> circles = Dom.children(area, "circle");
        for (int i = 0; i < circles.size(); i++) {
            circle(Dom.text(circles.get(i)), CapPaths.child(path, "circle", i + 1), findings);
        }
        CapRules.duplicatePairs(area, "geocode", path, findings);
        altitudes(area, path, findings);
    }

    private static void polygon(String text, String path, Findings findings) {
        CapPolygon polygon;
        try {
            polygon = CapShapes.polygon(text);
        } catch (IllegalArgumentException e) {
            findings.error(path, "<polygon> " + e.getMessage() + ".");
            return;
        }
        List<CapPoint> points = polygon.points();
        for (int i = 0; i < points.size(); i++) {
            String outside = CapShapes.outOfRange(points.get(i));
            if (outside != null) {
                // The first is enough: a closed ring repeats it anyway.
                findings.error(path, "<polygon> point " + (i + 1) + " (" + points.get(i) + ") " + outside + ".");
                break;
            }
        }
        if (points.size() < MINIMUM_POINTS) {
            findings.error(
                    path,
                    "<polygon> has " + points.size() + " point" + (points.size() == 1 ? "" : "s")
                            + "; it needs at least four, the first repeated as the last.");
        } else if (!points.getFirst().equals(points.getLast())) {
            findings.error(
                    path,
                    "<polygon> is not closed: its first point (" + points.getFirst() + ") and last point ("
                            + points.getLast() + ") differ; repeat the first point at the end.");
        }
    }

    private static void circle(String text, String path, Findings findings) {
        CapCircle circle;
        try {
            circle = CapShapes.circle(text);
        } catch (IllegalArgumentException e) {
            findings.error(path, "<circle> " + e.getMessage() + ".");
            return;
        }
        String outside = CapShapes.outOfRange(new CapPoint(circle.lat(), circle.lon()));
        if (outside != null) {
            findings.error(path, "<circle> centre " + outside + ".");
        }
        if (circle.radiusKm() < 0) {
            findings.error(
                    path,
                    "<circle> has radius " + CapShapes.number(circle.radiusKm()) + " km; a radius cannot be negative.");
        }
    }

    /** A ceiling only with an altitude (CAP 1.2, 3.2.4), and not below it. */
    private static void altitudes(Element area, String path, Findings findings) {
        BigDecimal altitude = decimal(Dom.text(area, "altitude"));
        String ceilingText = Dom.text(area, "ceiling");
        BigDecimal ceiling = decimal(ceilingText);
        String at = CapPaths.child(path, "ceiling");
        if (ceilingText != null && Dom.text(area, "altitude") == null) {
            findings.error(at, "<ceiling> needs an <altitude> in the same <area>.");
        } else if (altitude != null && ceiling != null && ceiling.compareTo(altitude) < 0) {
            findings.error(
                    at,
                    "<ceiling> (" + ceiling.toPlainString() + ") is below <altitude> (" + altitude.toPlainString()
                            + ").");
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

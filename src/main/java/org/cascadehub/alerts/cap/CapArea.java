package org.cascadehub.alerts.cap;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CAP 1.2 {@code <area>}: where the info applies, described in words and by any of polygons,
 * circles and geocodes (WGS 84).
 *
 * @param altitude the lowest altitude, or the only one, in feet above sea level
 * @param ceiling the highest altitude in feet above sea level; only with an altitude
 */
public record CapArea(
        String areaDesc,
        List<CapPolygon> polygons,
        List<CapCircle> circles,
        List<CapNamedValue> geocodes,
        @Nullable BigDecimal altitude,
        @Nullable BigDecimal ceiling) {

    public CapArea {
        polygons = List.copyOf(polygons);
        circles = List.copyOf(circles);
        geocodes = List.copyOf(geocodes);
    }

    /** An area given by its description alone. */
    public static CapArea described(String areaDesc) {
        return new CapArea(areaDesc, List.of(), List.of(), List.of(), null, null);
    }
}

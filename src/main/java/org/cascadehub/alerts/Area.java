package org.cascadehub.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an alert applies: exactly one of some boroughs (codes or names), a polygon of
 * {@code [lat, lon]} pairs, or a circle. {@link AreaCheck} says whether one is usable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Area(
        @Nullable List<String> boroughs,
        @Nullable List<List<Double>> polygon,
        @Nullable Circle circle) {

    /** A circle given by its centre and radius in kilometres. */
    public record Circle(double lat, double lon, double radiusKm) {}

    public Area {
        boroughs = boroughs == null ? null : List.copyOf(boroughs);
        polygon = polygon == null
                ? null
                : polygon.stream()
                        .map(p -> p == null ? List.<Double>of() : List.copyOf(p))
                        .toList();
    }

    public static Area ofBoroughs(List<String> codes) {
        return new Area(codes, null, null);
    }

    public static Area ofCircle(double lat, double lon, double radiusKm) {
        return new Area(null, null, new Circle(lat, lon, radiusKm));
    }

    public static Area ofPolygon(List<List<Double>> points) {
        return new Area(null, points, null);
    }
}

package org.cascadehub.alerts.cap;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A CAP 1.2 {@code <polygon>}: a closed ring of points, the first repeated as the last (at least
 * four in all). The record keeps what it is given; {@link CapValidator} checks the ring.
 */
public record CapPolygon(List<CapPoint> points) {

    public CapPolygon {
        points = List.copyOf(points);
    }

    /** The CAP form: space-separated {@code lat,lon} pairs. */
    @Override
    public String toString() {
        return points.stream().map(CapPoint::toString).collect(Collectors.joining(" "));
    }
}

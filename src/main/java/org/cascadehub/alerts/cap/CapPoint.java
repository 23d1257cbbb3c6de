package org.cascadehub.alerts.cap;

/** A WGS 84 point as CAP writes it: {@code latitude,longitude} in decimal degrees. */
public record CapPoint(double lat, double lon) {

    @Override
    public String toString() {
        return CapShapes.number(lat) + "," + CapShapes.number(lon);
    }
}

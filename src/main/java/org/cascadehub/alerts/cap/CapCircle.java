package org.cascadehub.alerts.cap;

/** A CAP 1.2 {@code <circle>}: a centre point and a radius in kilometres. */
public record CapCircle(double lat, double lon, double radiusKm) {

    /** The CAP form, {@code lat,lon radius}. */
    @Override
    public String toString() {
        return CapShapes.number(lat) + "," + CapShapes.number(lon) + " " + CapShapes.number(radiusKm);
    }
}

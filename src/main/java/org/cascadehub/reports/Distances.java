package org.cascadehub.reports;

/** Great-circle distance on a spherical Earth: good to a few metres over a city. */
final class Distances {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Distances() {}

    static double km(Report.Point a, Report.Point b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

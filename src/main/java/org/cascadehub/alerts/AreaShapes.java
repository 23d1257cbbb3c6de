package org.cascadehub.alerts;

import java.util.List;
import java.util.Set;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Roster.SitePoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** An area as a test on a site: boroughs by the site's borough code, shapes by geometry. */
sealed interface AreaShapes {

    /** The bounding box to search the site index with, or {@code null} for "look up by borough". */
    Envelope envelope();

    boolean contains(SitePoint site);

    static AreaShapes of(Area area) {
        if (area.boroughs() != null) {
            return new InBoroughs(Set.copyOf(area.boroughs()));
        }
        if (area.polygon() != null) {
            Polygon polygon = polygon(area.polygon());
            return new InPolygon(polygon.getEnvelopeInternal(), PreparedGeometryFactory.prepare(polygon));
        }
        Area.Circle circle = java.util.Objects.requireNonNull(area.circle());
        return new InCircle(circle);
    }

    /** A polygon from {@code [lat, lon]} pairs (JTS wants x = longitude, y = latitude). */
    static Polygon polygon(List<List<Double>> ring) {
        Coordinate[] coordinates =
                ring.stream().map(p -> new Coordinate(p.get(1), p.get(0))).toArray(Coordinate[]::new);
        return Boroughs.GEOMETRY.createPolygon(coordinates);
    }

    record InBoroughs(Set<String> codes) implements AreaShapes {
        @Override
        public Envelope envelope() {
            return new Envelope();
        }

        @Override
        public boolean contains(SitePoint site) {
            return codes.contains(site.boroughCode());
        }
    }

    record InPolygon(Envelope envelope, PreparedGeometry polygon) implements AreaShapes {
        @Override
        public boolean contains(SitePoint site) {
            return envelope.contains(site.longitude(), site.latitude())
                    && polygon.covers(Boroughs.GEOMETRY.createPoint(new Coordinate(site.longitude(), site.latitude())));
        }
    }

    record InCircle(Area.Circle circle) implements AreaShapes {
        private static final double EARTH_RADIUS_KM = 6371.0088;

        @Override
        public Envelope envelope() {
            double dLat = Math.toDegrees(circle.radiusKm() / EARTH_RADIUS_KM);
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(circle.lat())));
            return new Envelope(circle.lon() - dLon, circle.lon() + dLon, circle.lat() - dLat, circle.lat() + dLat);
        }

        @Override
        public boolean contains(SitePoint site) {
            return distanceKm(circle.lat(), circle.lon(), site.latitude(), site.longitude()) <= circle.radiusKm();
        }

        /** Great-circle distance (haversine); plenty accurate at city scale. */
        static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
            double dLat = Math.toRadians(lat2 - lat1);
            double dLon = Math.toRadians(lon2 - lon1);
            double a = Math.pow(Math.sin(dLat / 2), 2)
                    + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
        }
    }
}

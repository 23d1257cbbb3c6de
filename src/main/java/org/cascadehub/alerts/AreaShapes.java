package org.cascadehub.alerts;

import java.util.List;
import java.util.Set;
import org.cascadehub.directory.Boroughs;
import org.cascadehub.directory.Roster.SitePoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * An area as a test on a site: boroughs by the site's borough code, shapes by geometry. {@link
 * #contains} is the definition of "in the area"; {@link #cover} decides a whole box of sites at once
 * where it safely can, so that only sites near the area's edge need {@link #contains}.
 */
sealed interface AreaShapes {

    /** How a box of sites lies to an area. */
    enum Cover {
        /** No point of the box is in the area. */
        OUTSIDE,
        /** Every point of the box is in the area. */
        INSIDE,
        /** Not decided for the box as a whole: test its sites one by one. */
        CROSSES
    }

    boolean contains(SitePoint site);

    /**
     * How the box (x = longitude, y = latitude) lies to the area. It may answer {@link
     * Cover#CROSSES} when unsure, but {@link Cover#INSIDE} and {@link Cover#OUTSIDE} only when
     * {@link #contains} would say so for every site in the box.
     */
    Cover cover(Envelope box);

    static AreaShapes of(Area area) {
        if (area.boroughs() != null) {
            return new InBoroughs(Set.copyOf(area.boroughs()));
        }
        if (area.polygon() != null) {
            Polygon polygon = polygon(area.polygon());
            return new InPolygon(
                    polygon.getEnvelopeInternal(), PreparedGeometryFactory.prepare(polygon), polygon.isValid());
        }
        Area.Circle circle = java.util.Objects.requireNonNull(area.circle());
        return new InCircle(circle, new CircleCover(circle));
    }

    /** A polygon from {@code [lat, lon]} pairs (JTS wants x = longitude, y = latitude). */
    static Polygon polygon(List<List<Double>> ring) {
        Coordinate[] coordinates =
                ring.stream().map(p -> new Coordinate(p.get(1), p.get(0))).toArray(Coordinate[]::new);
        return Boroughs.GEOMETRY.createPolygon(coordinates);
    }

    record InBoroughs(Set<String> codes) implements AreaShapes {
        @Override
        public boolean contains(SitePoint site) {
            return codes.contains(site.boroughCode());
        }

        /** Boroughs are matched by code, not by position. */
        @Override
        public Cover cover(Envelope box) {
            return Cover.CROSSES;
        }
    }

    /**
     * A polygon. An invalid one (which {@link AreaCheck} refuses) is only ever tested site by site:
     * JTS's predicates on a box assume valid topology.
     */
    record InPolygon(Envelope envelope, PreparedGeometry polygon, boolean valid) implements AreaShapes {
        @Override
        public boolean contains(SitePoint site) {
            return envelope.contains(site.longitude(), site.latitude())
                    && polygon.covers(Boroughs.GEOMETRY.createPoint(new Coordinate(site.longitude(), site.latitude())));
        }

        @Override
        public Cover cover(Envelope box) {
            if (!envelope.intersects(box)) {
                return Cover.OUTSIDE;
            }
            if (!valid) {
                return Cover.CROSSES;
            }
            Geometry shape = Boroughs.GEOMETRY.toGeometry(box);
            if (!polygon.intersects(shape)) {
                return Cover.OUTSIDE;
            }
            return polygon.covers(shape) ? Cover.INSIDE : Cover.CROSSES;
        }
    }

    /** A circle, with its bounds for deciding boxes worked out once. */
    record InCircle(Area.Circle circle, CircleCover bounds) implements AreaShapes {
        static final double EARTH_RADIUS_KM = 6371.0088;

        @Override
        public boolean contains(SitePoint site) {
            return distanceKm(circle.lat(), circle.lon(), site.latitude(), site.longitude()) <= circle.radiusKm();
        }

        @Override
        public Cover cover(Envelope box) {
            return bounds.of(box);
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

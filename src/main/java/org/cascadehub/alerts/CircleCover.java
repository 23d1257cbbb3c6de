package org.cascadehub.alerts;

import org.cascadehub.alerts.AreaShapes.Cover;
import org.cascadehub.alerts.AreaShapes.InCircle;
import org.locationtech.jts.geom.Envelope;

/**
 * How a box of sites lies to a circle, from bounds on the haversine distance over the box. The
 * haversine term {@code a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2)} grows with {@code |Δφ|},
 * {@code |Δλ|} (up to π) and {@code cos φ2}, so taking each at its largest (or smallest) over the
 * box bounds the distance of every point in it from above (or below). A box is decided only with a
 * margin far wider than rounding error, so a site on the circle's edge is always left to the exact
 * test, and the answer never differs from {@link InCircle#contains}.
 */
final class CircleCover {

    /** Relative margin on the radius: a micrometre per kilometre. */
    private static final double MARGIN = 1e-9;

    /** Circles larger than this are tested site by site (none so large passes {@link AreaCheck}). */
    private static final double LARGEST_DECIDED_KM = 1000;

    private CircleCover() {}

    static Cover of(Area.Circle circle, Envelope box) {
        double radius = circle.radiusKm();
        if (!(radius >= 0 && radius <= LARGEST_DECIDED_KM)
                || !(Math.abs(circle.lat()) <= 90 && Math.abs(circle.lon()) <= 180)
                || !(box.getMinY() >= -90 && box.getMaxY() <= 90 && box.getMinX() >= -180 && box.getMaxX() <= 180)) {
            return Cover.CROSSES;
        }
        double margin = MARGIN * Math.max(1, radius);
        double cosCentre = Math.cos(Math.toRadians(circle.lat()));
        double dLatFar = far(box.getMinY() - circle.lat(), box.getMaxY() - circle.lat());
        double dLatNear = near(box.getMinY() - circle.lat(), box.getMaxY() - circle.lat());
        double dLonFar = far(box.getMinX() - circle.lon(), box.getMaxX() - circle.lon());
        double dLonNear = near(box.getMinX() - circle.lon(), box.getMaxX() - circle.lon());
        // cos φ2 over the box: largest at the latitude nearest the equator, smallest farthest from it
        double cosLargest = Math.cos(Math.toRadians(near(box.getMinY(), box.getMaxY())));
        double cosSmallest = Math.cos(Math.toRadians(far(box.getMinY(), box.getMaxY())));
        // sin²(Δλ/2) grows only up to |Δλ| = 180°; past it, bound crudely
        double lonFarTerm = dLonFar >= 180 ? 1 : squaredSineOfHalf(dLonFar);
        double lonNearTerm = dLonFar > 180 ? 0 : squaredSineOfHalf(dLonNear);
        double farthest = distanceKm(squaredSineOfHalf(dLatFar) + cosCentre * cosLargest * lonFarTerm);
        if (farthest <= radius - margin) {
            return Cover.INSIDE;
        }
        double nearest = distanceKm(squaredSineOfHalf(dLatNear) + cosCentre * cosSmallest * lonNearTerm);
        return nearest > radius + margin ? Cover.OUTSIDE : Cover.CROSSES;
    }

    /** The largest absolute value in [low, high], in degrees. */
    private static double far(double low, double high) {
        return Math.max(Math.abs(low), Math.abs(high));
    }

    /** The smallest absolute value in [low, high]: 0 if the range spans 0. */
    private static double near(double low, double high) {
        return low <= 0 && high >= 0 ? 0 : Math.min(Math.abs(low), Math.abs(high));
    }

    private static double squaredSineOfHalf(double degrees) {
        double sine = Math.sin(Math.toRadians(degrees) / 2);
        return sine * sine;
    }

    private static double distanceKm(double haversine) {
        return 2 * InCircle.EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, haversine)));
    }
}

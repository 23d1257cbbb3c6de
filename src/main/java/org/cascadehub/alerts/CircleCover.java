package org.cascadehub.alerts;

import org.cascadehub.alerts.AreaShapes.Cover;
import org.cascadehub.alerts.AreaShapes.InCircle;
import org.locationtech.jts.geom.Envelope;

/**
 * How a box of sites lies to a circle, from bounds on the haversine distance over the box. The
 * haversine term {@code a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2)} grows with {@code |Δφ|},
 * {@code |Δλ|} (up to π) and {@code cos φ2}, so taking each at its largest (or smallest) over the
 * box bounds {@code a} for every point in it from above (or below); the distance {@code 2R ·
 * asin(√a)} grows with {@code a}, so the bounds are compared with the values of {@code a} at the
 * radius. A box is decided only with a margin far wider than rounding error, so a site on the
 * circle's edge is always left to the exact test, and the answer never differs from {@link
 * InCircle#contains}.
 */
final class CircleCover {

    /** Relative margin on the radius: a micrometre per kilometre. */
    private static final double MARGIN = 1e-9;

    /** Circles larger than this are tested site by site (none so large passes {@link AreaCheck}). */
    private static final double LARGEST_DECIDED_KM = 1000;

    private final Area.Circle circle;
    private final boolean decides;
    private final double cosCentre;
    /** {@code a} at the radius less the margin: a box whose largest {@code a} is at most this is inside. */
    private final double insideBelow;
    /** {@code a} at the radius plus the margin: a box whose smallest {@code a} is above this is outside. */
    private final double outsideAbove;

    CircleCover(Area.Circle circle) {
        this.circle = circle;
        double radius = circle.radiusKm();
        this.decides = radius >= 0
                && radius <= LARGEST_DECIDED_KM
                && Math.abs(circle.lat()) <= 90
                && Math.abs(circle.lon()) <= 180;
        double margin = MARGIN * Math.max(1, radius);
        this.cosCentre = Math.cos(Math.toRadians(circle.lat()));
        this.insideBelow = radius - margin < 0 ? -1 : haversine(radius - margin);
        this.outsideAbove = haversine(radius + margin);
    }

    Cover of(Envelope box) {
        if (!decides
                || !(box.getMinY() >= -90 && box.getMaxY() <= 90 && box.getMinX() >= -180 && box.getMaxX() <= 180)) {
            return Cover.CROSSES;
        }
        double dLatFar = far(box.getMinY() - circle.lat(), box.getMaxY() - circle.lat());
        double dLonFar = far(box.getMinX() - circle.lon(), box.getMaxX() - circle.lon());
        // cos φ2 over the box: largest at the latitude nearest the equator, smallest farthest from it
        double cosLargest = Math.cos(Math.toRadians(near(box.getMinY(), box.getMaxY())));
        // sin²(Δλ/2) grows only up to |Δλ| = 180°; past it, bound crudely
        double largest =
                squaredSineOfHalf(dLatFar) + cosCentre * cosLargest * (dLonFar >= 180 ? 1 : squaredSineOfHalf(dLonFar));
        if (largest <= insideBelow) {
            return Cover.INSIDE;
        }
        double dLatNear = near(box.getMinY() - circle.lat(), box.getMaxY() - circle.lat());
        double dLonNear = near(box.getMinX() - circle.lon(), box.getMaxX() - circle.lon());
        double cosSmallest = Math.cos(Math.toRadians(far(box.getMinY(), box.getMaxY())));
        double smallest = squaredSineOfHalf(dLatNear)
                + cosCentre * cosSmallest * (dLonFar > 180 ? 0 : squaredSineOfHalf(dLonNear));
        return smallest > outsideAbove ? Cover.OUTSIDE : Cover.CROSSES;
    }

    /** The haversine term {@code a} at a great-circle distance. */
    private static double haversine(double distanceKm) {
        double sine = Math.sin(distanceKm / InCircle.EARTH_RADIUS_KM / 2);
        return sine * sine;
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
}

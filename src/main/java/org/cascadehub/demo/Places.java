package org.cascadehub.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.cascadehub.demo.LondonStreets.Street;
import org.cascadehub.directory.Borough;
import org.cascadehub.directory.Boroughs;
import org.locationtech.jts.geom.Envelope;

/**
 * Points and addresses for demo sites. Every point is checked with {@link Boroughs#containing}
 * to lie in the borough it is meant for, so the borough the directory works out for the site is
 * the one its address names.
 */
final class Places {

    /** About a metre in degrees of latitude: points are rounded to six decimal places. */
    private static final double METRES_PER_DEGREE = 111_320;

    private static final int ATTEMPTS = 50;

    /** A site's point and address; {@code street} is the street it is on (or nearest to). */
    record Place(String address, double latitude, double longitude, Street street) {}

    private final Boroughs boroughs;
    private final Personas personas;
    private final Random random;
    private final Map<String, List<Street>> streetsByBorough;
    private final Map<String, Borough> boroughOfStreet = new HashMap<>();

    Places(Boroughs boroughs, List<Street> streets, Personas personas) {
        this.boroughs = boroughs;
        this.personas = personas;
        this.random = personas.random();
        this.streetsByBorough = streets.stream()
                .collect(Collectors.groupingBy(s -> borough(s.borough()).code()));
        streets.forEach(s -> boroughOfStreet.put(s.borough(), borough(s.borough())));
    }

    Borough borough(String name) {
        return boroughs.findByCodeOrName(name)
                .orElseThrow(() -> new IllegalStateException("No borough called " + name + " in the boundaries"));
    }

    List<Street> streetsIn(Borough borough) {
        List<Street> streets = streetsByBorough.get(borough.code());
        if (streets == null) {
            throw new IllegalStateException("No demo streets listed for " + borough.name());
        }
        return streets;
    }

    /** A point within a hundred metres or so of the street's, in the same borough. */
    Place onStreet(Street street) {
        Borough borough = boroughOfStreet.get(street.borough());
        for (int i = 0; i < ATTEMPTS; i++) {
            double metres = Math.min(150, Math.abs(random.nextGaussian()) * 60);
            double bearing = random.nextDouble() * 2 * Math.PI;
            double latitude = round(street.latitude() + metres * Math.cos(bearing) / METRES_PER_DEGREE);
            double longitude = round(street.longitude()
                    + metres * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(street.latitude()))));
            if (isIn(borough, latitude, longitude)) {
                return place(street, latitude, longitude);
            }
        }
        return place(street, street.latitude(), street.longitude());
    }

    /** Anywhere in the borough, evenly spread, addressed on the nearest listed street. */
    Place anywhereIn(Borough borough) {
        Envelope envelope = boroughs.outline(borough.code()).orElseThrow().getEnvelopeInternal();
        for (int i = 0; i < ATTEMPTS; i++) {
            double latitude = round(envelope.getMinY() + random.nextDouble() * envelope.getHeight());
            double longitude = round(envelope.getMinX() + random.nextDouble() * envelope.getWidth());
            if (isIn(borough, latitude, longitude)) {
                return place(nearest(borough, latitude, longitude), latitude, longitude);
            }
        }
        return onStreet(personas.pick(streetsIn(borough)));
    }

    private boolean isIn(Borough borough, double latitude, double longitude) {
        return boroughs.containing(latitude, longitude).filter(borough::equals).isPresent();
    }

    private Street nearest(Borough borough, double latitude, double longitude) {
        Street nearest = null;
        double best = Double.MAX_VALUE;
        double scale = Math.cos(Math.toRadians(latitude));
        for (Street street : streetsIn(borough)) {
            double dx = (street.longitude() - longitude) * scale;
            double dy = street.latitude() - latitude;
            double distance = dx * dx + dy * dy;
            if (distance < best) {
                best = distance;
                nearest = street;
            }
        }
        return Objects.requireNonNull(nearest);
    }

    private Place place(Street street, double latitude, double longitude) {
        String address = (1 + random.nextInt(240)) + " " + street.name() + ", " + street.town() + " "
                + street.district() + " " + personas.inwardCode();
        return new Place(address, latitude, longitude, street);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}

package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.cascadehub.alerts.AreaShapes.Cover;
import org.cascadehub.directory.Roster.SitePoint;
import org.cascadehub.directory.SiteId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The site tree decides whole boxes of sites at once; these compare it with testing every site, for
 * areas that cut through clusters, contain them, and pass exactly through sites.
 */
class SiteTreeTests {

    /** Trafalgar Square. */
    static final double LAT = 51.5080;

    static final double LON = -0.1281;

    @Test
    void circlesFindExactlyTheSitesWithinTheirRadius() {
        Random random = new Random(11);
        SitePoint[] sites = london(random, 5_000);
        SiteTree tree = new SiteTree(sites);
        for (int i = 0; i < 200; i++) {
            SitePoint centre = sites[random.nextInt(sites.length)];
            double lat = random.nextBoolean() ? centre.latitude() : LAT + random.nextGaussian() * 0.1;
            double lon = random.nextBoolean() ? centre.longitude() : LON + random.nextGaussian() * 0.15;
            double radius = Math.exp(random.nextDouble(Math.log(0.01), Math.log(60)));
            assertSameAsEverySiteTested(tree, sites, circle(lat, lon, radius));
        }
    }

    @Test
    void sitesOnACirclesEdgeAreLeftToTheExactTest() {
        Random random = new Random(12);
        List<SitePoint> sites = new ArrayList<>(List.of(london(random, 2_000)));
        double radius = 2.0;
        // sites within rounding error of the radius, each side of it, and at the centre
        for (int i = 0; i < 2_000; i++) {
            double bearing = random.nextDouble(2 * Math.PI);
            double distance = radius * (1 + (random.nextInt(5) - 2) * 1e-13);
            sites.add(at(destination(LAT, LON, bearing, distance)));
        }
        sites.add(site(LAT, LON));
        SitePoint[] all = sites.toArray(SitePoint[]::new);
        SiteTree tree = new SiteTree(all);
        assertSameAsEverySiteTested(tree, all, circle(LAT, LON, radius));
        assertSameAsEverySiteTested(tree, all, circle(LAT, LON, 0));
    }

    @Test
    void polygonsFindExactlyTheSitesTheyCover() {
        Random random = new Random(13);
        SitePoint[] sites = london(random, 5_000);
        SiteTree tree = new SiteTree(sites);
        for (int i = 0; i < 100; i++) {
            double lat = LAT + random.nextGaussian() * 0.08;
            double lon = LON + random.nextGaussian() * 0.12;
            double size = Math.exp(random.nextDouble(Math.log(0.002), Math.log(0.5)));
            assertSameAsEverySiteTested(tree, sites, polygon(starAround(random, lat, lon, size)));
        }
    }

    @Test
    void sitesOnAPolygonsEdgesAndCornersAreCovered() {
        // sites on a lattice, areas with corners on the same lattice: many sites lie exactly on an edge
        List<SitePoint> lattice = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                lattice.add(site(latticeLat(i), latticeLon(j)));
            }
        }
        SitePoint[] sites = lattice.toArray(SitePoint[]::new);
        SiteTree tree = new SiteTree(sites);
        Random random = new Random(14);
        for (int k = 0; k < 300; k++) {
            List<double[]> corners = new ArrayList<>();
            int n = 3 + random.nextInt(5);
            int centreI = random.nextInt(60);
            int centreJ = random.nextInt(60);
            for (int c = 0; c < n; c++) {
                double angle = 2 * Math.PI * c / n;
                int reach = 2 + random.nextInt(40);
                corners.add(new double[] {
                    latticeLat(Math.clamp(Math.round(centreI + reach * Math.sin(angle)), -5, 65)),
                    latticeLon(Math.clamp(Math.round(centreJ + reach * Math.cos(angle)), -5, 65))
                });
            }
            // invalid rings (corners rounded onto each other) too: they must fall back to testing sites
            assertSameAsEverySiteTested(tree, sites, polygon(corners));
        }
        AreaShapes rectangle = polygon(List.of(
                new double[] {latticeLat(10), latticeLon(10)},
                new double[] {latticeLat(50), latticeLon(10)},
                new double[] {latticeLat(50), latticeLon(50)},
                new double[] {latticeLat(10), latticeLon(50)}));
        assertThat(found(tree, rectangle)).hasSize(41 * 41);
    }

    private static double latticeLat(int i) {
        return 51.48 + i * 0.001;
    }

    private static double latticeLon(int j) {
        return -0.16 + j * 0.001;
    }

    @Test
    void boxesAreOnlyDecidedWhenEveryPointInThemAgrees() {
        Random random = new Random(15);
        for (int i = 0; i < 5_000; i++) {
            double lat = LAT + random.nextGaussian() * 0.05;
            double lon = LON + random.nextGaussian() * 0.08;
            double width = Math.exp(random.nextDouble(Math.log(1e-6), Math.log(0.2)));
            double height = Math.exp(random.nextDouble(Math.log(1e-6), Math.log(0.2)));
            Envelope box = new Envelope(lon, lon + width, lat, lat + height);
            AreaShapes area = random.nextBoolean()
                    ? circle(LAT, LON, random.nextDouble(0.1, 10))
                    : polygon(starAround(new Random(i), LAT, LON, 0.05));
            Cover cover = area.cover(box);
            if (cover == Cover.CROSSES) {
                continue;
            }
            for (int p = 0; p < 30; p++) {
                double pLat = p < 4 ? (p % 2 == 0 ? lat : lat + height) : random.nextDouble(lat, lat + height);
                double pLon = p < 4 ? (p < 2 ? lon : lon + width) : random.nextDouble(lon, lon + width);
                assertThat(area.contains(site(pLat, pLon)))
                        .as("%s of %s: point %s, %s", cover, box, pLat, pLon)
                        .isEqualTo(cover == Cover.INSIDE);
            }
        }
    }

    @Test
    void wholeBoxesInsideOrOutsideAreNotTestedSiteBySite() {
        Random random = new Random(16);
        SitePoint[] sites = london(random, 100_000);
        SiteTree tree = new SiteTree(sites);
        int[] found = {0};
        int tested = tree.find(circle(LAT, LON, 2), site -> found[0]++);
        assertThat(found[0]).isGreaterThan(5_000);
        assertThat(tested).as("tested one by one of %s found", found[0]).isLessThan(found[0] / 5);
        AreaShapes everywhere = polygon(
                List.of(new double[] {50, -2}, new double[] {53, -2}, new double[] {53, 2}, new double[] {50, 2}));
        assertThat(tree.find(everywhere, site -> {})).isZero();
    }

    @Test
    void manySitesAtOnePlaceAndSitesWithoutAPositionAreHandled() {
        List<SitePoint> sites = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sites.add(site(LAT, LON));
        }
        sites.add(site(Double.NaN, LON));
        sites.add(site(LAT, Double.POSITIVE_INFINITY));
        SitePoint[] all = sites.toArray(SitePoint[]::new);
        SiteTree tree = new SiteTree(all);
        assertThat(found(tree, circle(LAT, LON, 0.001))).hasSize(100);
        assertSameAsEverySiteTested(tree, all, circle(LAT + 0.0001, LON, 0.001));
        assertThat(found(new SiteTree(new SitePoint[0]), circle(LAT, LON, 10))).isEmpty();
    }

    static void assertSameAsEverySiteTested(SiteTree tree, SitePoint[] sites, AreaShapes area) {
        TreeSet<Integer> expected = new TreeSet<>();
        for (int i = 0; i < sites.length; i++) {
            if (area.contains(sites[i])) {
                expected.add(i);
            }
        }
        assertThat(found(tree, area)).as("sites in %s", area).containsExactlyElementsOf(expected);
    }

    static List<Integer> found(SiteTree tree, AreaShapes area) {
        TreeSet<Integer> found = new TreeSet<>();
        List<Integer> twice = new ArrayList<>();
        tree.find(area, site -> {
            if (!found.add(site)) {
                twice.add(site);
            }
        });
        assertThat(twice).as("sites found twice").isEmpty();
        return List.copyOf(found);
    }

    /** Sites weighted towards the centre, with clusters of sites at one address. */
    static SitePoint[] london(Random random, int count) {
        SitePoint[] sites = new SitePoint[count];
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(20) == 0) {
                SitePoint same = sites[random.nextInt(i)];
                sites[i] = site(same.latitude(), same.longitude());
            } else if (random.nextInt(3) == 0) {
                sites[i] = site(random.nextDouble(51.29, 51.69), random.nextDouble(-0.51, 0.33));
            } else {
                sites[i] = site(LAT + random.nextGaussian() * 0.03, LON + random.nextGaussian() * 0.05);
            }
        }
        return sites;
    }

    /** A star-shaped polygon (so never self-crossing) of 3 to 40 corners, [lat, lon] each. */
    static List<double[]> starAround(Random random, double lat, double lon, double size) {
        int n = 3 + random.nextInt(38);
        List<double[]> corners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * (i + random.nextDouble(0.1, 0.9)) / n;
            double reach = size * random.nextDouble(0.2, 1);
            corners.add(new double[] {lat + reach * Math.sin(angle), lon + reach * 1.6 * Math.cos(angle)});
        }
        return corners;
    }

    static AreaShapes polygon(List<double[]> corners) {
        List<List<Double>> ring = new ArrayList<>();
        corners.forEach(c -> ring.add(List.of(c[0], c[1])));
        ring.add(ring.getFirst());
        return AreaShapes.of(Area.ofPolygon(ring));
    }

    static AreaShapes circle(double lat, double lon, double radiusKm) {
        return AreaShapes.of(Area.ofCircle(lat, lon, radiusKm));
    }

    static SitePoint site(double lat, double lon) {
        return new SitePoint(SiteId.random(), lat, lon, "somewhere");
    }

    private static SitePoint at(double[] latLon) {
        return site(latLon[0], latLon[1]);
    }

    /** The point at a distance (km) and bearing (radians) from a start, on a sphere. */
    private static double[] destination(double lat, double lon, double bearing, double distanceKm) {
        double d = distanceKm / AreaShapes.InCircle.EARTH_RADIUS_KM;
        double p1 = Math.toRadians(lat);
        double l1 = Math.toRadians(lon);
        double p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(bearing));
        double l2 = l1
                + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
        return new double[] {Math.toDegrees(p2), Math.toDegrees(l2)};
    }
}

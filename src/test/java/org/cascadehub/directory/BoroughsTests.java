package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which borough a point is in, near the edges too. Reference points beside a boundary are worked
 * out here from the GeoJSON itself, independently of the code under test: a vertex two boroughs
 * share, on a straight stretch of their common boundary, and points a few metres either side of it.
 */
class BoroughsTests {

    private static final String GEOJSON = "geo/london-boroughs.geojson";
    private static final double METRES_PER_DEGREE = 111_320;

    private static Boroughs boroughs;
    private static JsonNode features;

    @BeforeAll
    static void load() throws IOException {
        boroughs = Boroughs.fromGeoJson(new ClassPathResource(GEOJSON), "attribution");
        try (InputStream in = new ClassPathResource(GEOJSON).getInputStream()) {
            features = JsonMapper.builder().build().readTree(in).get("features");
        }
    }

    @Test
    void allThirtyThreeLocalAuthoritiesAreThere() {
        assertThat(boroughs.all()).hasSize(33);
        assertThat(boroughs.findByCodeOrName("City of London"))
                .map(Borough::code)
                .hasValue("city-of-london");
        assertThat(boroughs.findByCodeOrName("kingston-upon-thames"))
                .map(Borough::name)
                .hasValue("Kingston upon Thames");
    }

    @ParameterizedTest(name = "{0} is in {3}")
    @CsvSource({
        "Trafalgar Square,       51.5080, -0.1281, westminster",
        "Buckingham Palace,      51.5014, -0.1419, westminster",
        "Tower of London,        51.5081, -0.0759, tower-hamlets",
        "St Paul's Cathedral,    51.5138, -0.0984, city-of-london",
        "London Eye,             51.5033, -0.1196, lambeth",
        "The Shard,              51.5045, -0.0865, southwark",
        "British Museum,         51.5194, -0.1270, camden",
        "Heathrow Airport,       51.4700, -0.4543, hillingdon",
        "Wembley Stadium,        51.5560, -0.2796, brent",
        "Olympic Stadium,        51.5386, -0.0166, newham",
        "The O2,                 51.5030,  0.0032, greenwich",
        "Kew Gardens,            51.4787, -0.2956, richmond-upon-thames",
        "Tottenham Hotspur Stadium, 51.6043, -0.0664, haringey",
    })
    void landmarksAreInTheirBoroughs(String landmark, double latitude, double longitude, String borough) {
        assertThat(boroughs.containing(latitude, longitude)).map(Borough::code).hasValue(borough);
    }

    @ParameterizedTest(name = "{0} is in no borough")
    @CsvSource({
        "Brighton,            50.8225, -0.1372",
        "Paris,               48.8566,  2.3522",
        "Watford,             51.6565, -0.3903",
        "Dartford,            51.4462,  0.2181",
        "Null Island,          0.0,     0.0",
        "swapped Trafalgar Square, -0.1281, 51.5080",
    })
    void placesOutsideLondonAreInNoBorough(String place, double latitude, double longitude) {
        assertThat(boroughs.containing(latitude, longitude)).isEmpty();
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource({
        "Westminster,    Lambeth",
        "City of London, Southwark",
        "City of London, Tower Hamlets",
        "Camden,         Westminster",
        "Hackney,        Islington",
        "Brent,          Camden",
        "Westminster,    Kensington and Chelsea",
    })
    void pointsAFewMetresEitherSideOfASharedBoundaryAreInTheirOwnBorough(String first, String second) {
        Edge edge = sharedEdge(first, second);

        assertThat(boroughs.containing(edge.inFirst()[1], edge.inFirst()[0]))
                .as("5 m into %s from %s", first, edge)
                .map(Borough::name)
                .hasValue(first);
        assertThat(boroughs.containing(edge.inSecond()[1], edge.inSecond()[0]))
                .as("5 m into %s from %s", second, edge)
                .map(Borough::name)
                .hasValue(second);
    }

    @Test
    void aPointExactlyOnASharedBoundaryGoesToTheBoroughWhoseCodeSortsFirst() {
        Edge edge = sharedEdge("Westminster", "Camden");

        assertThat(boroughs.containing(edge.vertex()[1], edge.vertex()[0]))
                .map(Borough::code)
                .hasValue("camden");
    }

    /** A shared vertex (lon, lat) and points 5 m from it into each borough. */
    private record Edge(double[] vertex, double[] inFirst, double[] inSecond) {
        @Override
        public String toString() {
            return "shared vertex " + vertex[1] + ", " + vertex[0];
        }
    }

    /**
     * The shared vertex of the two outlines whose neighbours on the first outline are shared too,
     * at least 15 m away and nearly in line (so the boundary is straight there); the offsets are
     * perpendicular to that line, to the inside of the first outline's ring by its winding.
     */
    private static Edge sharedEdge(String first, String second) {
        List<double[]> ring = exteriorRing(first);
        Set<String> theirs = new HashSet<>();
        exteriorRing(second).forEach(point -> theirs.add(key(point)));
        double scale = Math.cos(Math.toRadians(51.5));
        record Candidate(int index, double shortestSide) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i < ring.size() - 1; i++) {
            double[] previous = ring.get(i - 1);
            double[] vertex = ring.get(i);
            double[] next = ring.get(i + 1);
            if (!theirs.contains(key(previous)) || !theirs.contains(key(vertex)) || !theirs.contains(key(next))) {
                continue;
            }
            double[] in = metres(previous, vertex, scale);
            double[] out = metres(vertex, next, scale);
            double turn = Math.toDegrees(Math.abs(Math.atan2(cross(in, out), dot(in, out))));
            double shortest = Math.min(length(in), length(out));
            if (turn < 20 && shortest >= 15) {
                candidates.add(new Candidate(i, shortest));
            }
        }
        Candidate best = candidates.stream()
                .max(Comparator.comparingDouble(Candidate::shortestSide))
                .orElseThrow(
                        () -> new AssertionError("no straight shared stretch between " + first + " and " + second));
        double[] previous = ring.get(best.index() - 1);
        double[] vertex = ring.get(best.index());
        double[] next = ring.get(best.index() + 1);
        double[] along = metres(previous, next, scale);
        double size = length(along);
        // Left of the direction of travel is inside a counter-clockwise ring.
        double[] left = {-along[1] / size, along[0] / size};
        double side = signedArea(ring) > 0 ? 1 : -1;
        return new Edge(vertex, offset(vertex, left, 5 * side, scale), offset(vertex, left, -5 * side, scale));
    }

    private static List<double[]> exteriorRing(String name) {
        for (JsonNode feature : features) {
            if (feature.get("properties").get("name").asString().equals(name)) {
                JsonNode geometry = feature.get("geometry");
                assertThat(geometry.get("type").asString()).isEqualTo("Polygon");
                List<double[]> ring = new ArrayList<>();
                for (JsonNode point : geometry.get("coordinates").get(0)) {
                    ring.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
                }
                return ring;
            }
        }
        throw new AssertionError("no borough called " + name + " in " + GEOJSON);
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size() - 1; i++) {
            sum += ring.get(i)[0] * ring.get(i + 1)[1] - ring.get(i + 1)[0] * ring.get(i)[1];
        }
        return sum / 2;
    }

    private static double[] offset(double[] point, double[] direction, double metres, double scale) {
        return new double[] {
            point[0] + direction[0] * metres / (METRES_PER_DEGREE * scale),
            point[1] + direction[1] * metres / METRES_PER_DEGREE
        };
    }

    private static double[] metres(double[] from, double[] to, double scale) {
        return new double[] {(to[0] - from[0]) * METRES_PER_DEGREE * scale, (to[1] - from[1]) * METRES_PER_DEGREE};
    }

    private static double cross(double[] a, double[] b) {
        return a[0] * b[1] - a[1] * b[0];
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1];
    }

    private static double length(double[] a) {
        return Math.hypot(a[0], a[1]);
    }

    private static String key(double[] point) {
        return point[0] + "," + point[1];
    }
}

package org.cascadehub.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's boroughs, read once from GeoJSON into memory: names, outlines, and which borough a
 * point lies in (an STR-tree over the outlines' envelopes, then an exact prepared-geometry test).
 * Geometry is in WGS84 with x = longitude, y = latitude, as GeoJSON has it.
 */
@Service
public class Boroughs {

    /** WGS84 (EPSG:4326). */
    public static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Map<String, Entry> byCode = new LinkedHashMap<>();
    private final STRtree index = new STRtree();
    private final String geoJson;
    private final String attribution;

    private record Entry(Borough borough, Geometry outline, PreparedGeometry prepared) {}

    @Autowired
    Boroughs(DirectorySettings settings, JsonMapper json, JdbcClient jdbc, TransactionTemplate transactions) {
        this(read(settings.boroughs()), settings.boroughsAttribution(), json);
        saveNames(jdbc, transactions);
    }

    private Boroughs(String geoJson, String attribution, JsonMapper json) {
        this.geoJson = geoJson;
        this.attribution = attribution;
        List<Entry> entries = new ArrayList<>();
        for (JsonNode feature : json.readTree(geoJson).get("features")) {
            String name = feature.get("properties").get("name").asString();
            Geometry outline = geometry(feature.get("geometry"));
            entries.add(new Entry(new Borough(codeFor(name), name), outline, PreparedGeometryFactory.prepare(outline)));
        }
        entries.sort(Comparator.comparing(e -> e.borough().name()));
        for (Entry entry : entries) {
            byCode.put(entry.borough().code(), entry);
            index.insert(entry.outline().getEnvelopeInternal(), entry);
        }
        index.build();
    }

    /**
     * The boroughs from a GeoJSON FeatureCollection, geometry only: for tests and tools that need
     * {@link #containing} without a database. The application's own instance is the Spring bean.
     */
    public static Boroughs fromGeoJson(Resource resource, String attribution) {
        return new Boroughs(read(resource), attribution, JsonMapper.builder().build());
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the borough boundaries from " + resource, e);
        }
    }

    /** Boroughs are named in the database too, so sites can refer to them. */
    private void saveNames(JdbcClient jdbc, TransactionTemplate transactions) {
        transactions.executeWithoutResult(status -> {
            for (Borough borough : all()) {
                jdbc.sql(
                                "INSERT INTO borough (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name")
                        .params(borough.code(), borough.name())
                        .update();
            }
        });
    }

    /** All boroughs, by name. */
    public List<Borough> all() {
        return byCode.values().stream().map(Entry::borough).toList();
    }

    public Optional<Borough> find(String code) {
        return Optional.ofNullable(byCode.get(code)).map(Entry::borough);
    }

    /** Finds a borough by its code or its name, ignoring case. */
    public Optional<Borough> findByCodeOrName(String codeOrName) {
        return find(codeOrName.trim().toLowerCase(Locale.ROOT)).or(() -> find(codeFor(codeOrName)));
    }

    /** The borough a point lies in; a point exactly on a shared boundary goes to one of them. */
    public Optional<Borough> containing(double latitude, double longitude) {
        Point point = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Entry> candidates = index.query(point.getEnvelopeInternal());
        return candidates.stream()
                .sorted(Comparator.comparing(e -> e.borough().code()))
                .filter(e -> e.prepared().covers(point))
                .map(Entry::borough)
                .findFirst();
    }

    /** A borough's outline, for area matching. */
    public Optional<Geometry> outline(String code) {
        return Optional.ofNullable(byCode.get(code)).map(Entry::outline);
    }

    /** The GeoJSON as loaded, for maps. */
    public String geoJson() {
        return geoJson;
    }

    public String attribution() {
        return attribution;
    }

    /** "Barking and Dagenham" becomes "barking-and-dagenham". */
    static String codeFor(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Geometry geometry(JsonNode node) {
        String type = node.get("type").asString();
        JsonNode coordinates = node.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                coordinates.forEach(part -> parts.add(polygon(part)));
                yield GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            default -> throw new IllegalStateException("Borough outlines must be Polygon or MultiPolygon, not " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(
                    points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return GEOMETRY.createLinearRing(coordinates);
    }
}

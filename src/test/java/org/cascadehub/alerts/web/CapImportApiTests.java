package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/cap/import: a valid external alert becomes a draft; anything else creates nothing. */
@CascadeTest
class CapImportApiTests {

    private static final String IMPORT = "/api/v1/cap/import";

    /** A London alert of the kind a partner sends: restricted, labelled, naming boroughs in words. */
    private static final String LONDON = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>EA-2026-0042</identifier>
              <sender>floods@environment-agency.test</sender>
              <sent>2026-03-01T14:00:00-00:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Restricted</scope>
              <restriction>Partners only</restriction>
              <code>TLP:AMBER</code>
              <info>
                <language>fr-FR</language>
                <category>Met</category>
                <event>Inondation</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>Crue de la Tamise</headline>
                <area><areaDesc>Westminster</areaDesc></area>
              </info>
              <info>
                <language>en-GB</language>
                <category>Met</category>
                <category>Infra</category>
                <event>Flood warning</event>
                <responseType>Prepare</responseType>
                <responseType>Monitor</responseType>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <expires>EXPIRES</expires>
                <headline>Thames tidal flood warning</headline>
                <description>River levels are rising.</description>
                <instruction>Move stock from basements.</instruction>
                <area>
                  <areaDesc>Riverside parts of Westminster and Lambeth</areaDesc>
                  <geocode><valueName>ONS</valueName><value>Southwark</value></geocode>
                </area>
              </info>
            </alert>
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    People people;

    TestHttp http;
    String police;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thunderstorm.cap",
                "homeland-security.cap",
                "earthquake.cap",
                "weather.cap",
                "no_optional_fields.cap"
            })
    void everySharedValidFileImportsAsADraftThatSaysWhereItCameFrom(String file) {
        String xml = file(file);

        JsonNode answer = imported(http.post(IMPORT, "application/cap+xml", xml, "Authorization", police));

        JsonNode alert = answer.get("alert");
        assertThat(alert.get("status").asString()).isEqualTo("DRAFT");
        assertThat(alert.get("tlp").asString())
                .as("every shared file is scope Public")
                .isEqualTo("CLEAR");
        String identifier = xml.replaceAll("(?s).*<identifier>([^<]+)</identifier>.*", "$1");
        String sender = xml.replaceAll("(?s).*<sender>([^<]+)</sender>.*", "$1").strip();
        assertThat(alert.get("description").asString()).contains("Imported from " + sender + " " + identifier);
        assertThat(messages(answer))
                .as("their expiry has long passed, or they give none")
                .anyMatch(m -> m.contains("<expires>"));
        Response read = http.get("/api/v1/alerts/" + alert.get("id").asString(), "Authorization", police);
        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void theThunderstormKeepsItsPolygonAndWhatItSays() {
        JsonNode answer =
                imported(http.post(IMPORT, "application/xml", file("thunderstorm.cap"), "Authorization", police));

        JsonNode alert = answer.get("alert");
        assertThat(alert.get("headline").asString()).isEqualTo("SEVERE THUNDERSTORM WARNING");
        assertThat(alert.get("event").asString()).isEqualTo("SEVERE THUNDERSTORM");
        assertThat(alert.get("category").asString()).isEqualTo("Met");
        assertThat(alert.get("responseType").asString()).isEqualTo("Shelter");
        assertThat(alert.get("severity").asString()).isEqualTo("Severe");
        assertThat(alert.get("instruction").asString()).startsWith("TAKE COVER");
        assertThat(alert.get("area").get("polygon")).hasSize(5);
        assertThat(alert.get("area").get("polygon").get(0).get(0).asDouble()).isEqualTo(38.47);
        assertThat(alert.get("description").asString())
                .startsWith("AT 254 PM PDT")
                .endsWith("Imported from KSTO@NWS.NOAA.GOV KSTO1055887203 (sent 2003-06-17T14:57:00-07:00).");
        assertThat(minutesFromNow(alert.get("expires").asString())).isBetween(58L, 61L);
    }

    @Test
    void aPointIsASmallCircleAndAnAreaNamedOnlyInWordsFallsBackToEveryBorough() {
        JsonNode earthquake =
                imported(http.post(IMPORT, "application/cap+xml", file("earthquake.cap"), "Authorization", police));
        assertThat(earthquake
                        .get("alert")
                        .get("area")
                        .get("circle")
                        .get("radiusKm")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(messages(earthquake)).anyMatch(m -> m.contains("no radius"));
        assertThat(messages(earthquake)).anyMatch(m -> m.contains("CAP 1.1"));

        JsonNode weather =
                imported(http.post(IMPORT, "application/cap+xml", file("weather.cap"), "Authorization", police));
        assertThat(weather.get("alert").get("areaDescription").asString()).isEqualTo("All boroughs");
        assertThat(messages(weather)).anyMatch(m -> m.contains("Set the area"));

        JsonNode bare = imported(
                http.post(IMPORT, "application/cap+xml", file("no_optional_fields.cap"), "Authorization", police));
        assertThat(bare.get("alert").get("category").asString()).isEqualTo("Other");
        assertThat(bare.get("alert").get("urgency").asString()).isEqualTo("Unknown");
        assertThat(messages(bare)).anyMatch(m -> m.contains("no <info>"));
    }

    @Test
    void aLondonAlertTakesItsEnglishInfoTlpCodeBoroughsAndExpiry() {
        Instant expires = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String xml = LONDON.replace("EXPIRES", expires.toString().replace("Z", "-00:00"));

        Response response = http.post(IMPORT, "application/cap+xml", xml, "Authorization", police);

        JsonNode answer = imported(response);
        assertThat(response.location())
                .endsWith("/api/v1/alerts/" + answer.get("alert").get("id").asString());
        JsonNode alert = answer.get("alert");
        assertThat(alert.get("headline").asString()).isEqualTo("Thames tidal flood warning");
        assertThat(alert.get("tlp").asString()).isEqualTo("AMBER");
        assertThat(alert.get("category").asString()).isEqualTo("Met");
        assertThat(alert.get("responseType").asString()).isEqualTo("Prepare");
        assertThat(alert.get("area").get("boroughs").valueStream().map(JsonNode::asString))
                .containsExactly("southwark", "lambeth", "westminster");
        assertThat(Instant.parse(alert.get("expires").asString())).isEqualTo(expires);
        assertThat(answer.get("warnings").valueStream().map(w -> w.get("path").asString()))
                .contains("/alert/info[2]", "/alert/info[2]/area")
                .doesNotContain("/alert/info[2]/expires");
    }

    @Test
    void aRedLabelNamesTheImporterAndAFarExpiryIsCapped() {
        String xml = LONDON.replace("<code>TLP:AMBER</code>", "<code>TLP:GREEN</code>")
                .replace("EXPIRES", "2099-01-01T00:00:00-00:00")
                .replace(
                        "<instruction>Move stock from basements.</instruction>",
                        "<instruction>Move stock from basements.</instruction>\n"
                                + "    <parameter><valueName>TLP</valueName><value>RED</value></parameter>");

        JsonNode answer = imported(http.post(IMPORT, "application/cap+xml", xml, "Authorization", police));

        JsonNode alert = answer.get("alert");
        assertThat(alert.get("tlp").asString())
                .as("the more restrictive label wins")
                .isEqualTo("RED");
        String policeId =
                people.findByEmail("police@demo.test").orElseThrow().id().toString();
        assertThat(alert.get("audience").get("people").get(0).asString()).isEqualTo(policeId);
        assertThat(minutesFromNow(alert.get("expires").asString())).isBetween(7L * 24 * 60 - 2, 7L * 24 * 60);
        assertThat(messages(answer)).anyMatch(m -> m.contains("names only you"));
    }

    @Test
    void anExportedAlertImportsBackWithItsBoroughs() {
        PublishedAlerts alerts = new PublishedAlerts(http);
        String id = alerts.writeDraft(
                        PublishedAlerts.draft("Round trip", "GREEN", PublishedAlerts.boroughs("Hackney", "Islington")))
                .get("id")
                .asString();
        String cap = http.get("/api/v1/alerts/" + id + "/cap", "Authorization", police)
                .body();

        JsonNode answer = imported(http.post(IMPORT, "application/cap+xml", cap, "Authorization", police));

        JsonNode alert = answer.get("alert");
        assertThat(alert.get("tlp").asString()).isEqualTo("GREEN");
        assertThat(alert.get("area").get("boroughs").valueStream().map(JsonNode::asString))
                .as("Cascade's own borough codes, not their simplified outlines")
                .containsExactly("hackney", "islington");
        assertThat(messages(answer)).anyMatch(m -> m.contains("Draft, not Actual"));
    }

    @Test
    void anInvalidMessageIsRefusedNamingTheMissingScopeAndCreatesNothing() {
        long before = alertCount();

        Response response =
                http.post(IMPORT, "application/cap+xml", file("invalid-missing-scope.cap"), "Authorization", police);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("path").asString()).isEqualTo("/alert");
        assertThat(error.get("message").asString()).contains("<scope> is missing");
        assertThat(response.json().get("detail").asString()).contains("<scope>");
        assertThat(alertCount()).isEqualTo(before);
    }

    @Test
    void aDocumentWithADtdOrExternalEntityIsRefusedAndCreatesNothing() {
        long before = alertCount();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE alert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>&secret;</identifier>
                </alert>
                """;

        Response response = http.post(IMPORT, "application/xml", xxe, "Authorization", police);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .containsIgnoringCase("DOCTYPE");
        assertThat(http.post(IMPORT, "application/xml", "", "Authorization", police)
                        .status())
                .as("an empty body")
                .isEqualTo(400);
        assertThat(alertCount()).isEqualTo(before);
    }

    @Test
    void onlyAlertAuthorsImport() {
        long before = alertCount();
        for (String member : List.of("security@demo.test", "approver@demo.test", "retail-lead@demo.test")) {
            String token = bearer(http.token(member, "demo-password"));
            assertThat(http.post(IMPORT, "application/cap+xml", file("thunderstorm.cap"), "Authorization", token)
                            .status())
                    .as(member)
                    .isEqualTo(403);
        }
        assertThat(http.post(IMPORT, "application/cap+xml", file("thunderstorm.cap"))
                        .status())
                .isEqualTo(401);
        String admin = bearer(http.token("admin@demo.test", "demo-password"));
        imported(http.post(IMPORT, "application/cap+xml", file("thunderstorm.cap"), "Authorization", admin));
        assertThat(alertCount()).isEqualTo(before + 1);
    }

    private long alertCount() {
        return jdbc.sql("SELECT count(*) FROM alert").query(Long.class).single();
    }

    private static JsonNode imported(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.location()).contains("/api/v1/alerts/");
        return response.json();
    }

    private static List<String> messages(JsonNode answer) {
        return answer.get("warnings")
                .valueStream()
                .map(w -> w.get("message").asString())
                .toList();
    }

    private static long minutesFromNow(String instant) {
        return ChronoUnit.MINUTES.between(Instant.now(), Instant.parse(instant));
    }

    private static String file(String name) {
        try (InputStream in = CapImportApiTests.class.getResourceAsStream("/cap/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

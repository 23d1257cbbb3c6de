package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.alerts.web.PublishedAlerts.boroughs;
import static org.cascadehub.alerts.web.PublishedAlerts.circle;
import static org.cascadehub.alerts.web.PublishedAlerts.draft;
import static org.cascadehub.alerts.web.PublishedAlerts.strandPolygon;
import static org.cascadehub.alerts.web.PublishedAlerts.withAudience;
import static org.cascadehub.support.TestHttp.bearer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.alerts.cap.CapAlert;
import org.cascadehub.alerts.cap.CapArea;
import org.cascadehub.alerts.cap.CapInfo;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.alerts.cap.CapNamedValue;
import org.cascadehub.alerts.cap.CapPolygon;
import org.cascadehub.alerts.cap.CapScope;
import org.cascadehub.alerts.cap.CapStatus;
import org.cascadehub.alerts.cap.CapValidation;
import org.cascadehub.alerts.cap.CapValidator;
import org.cascadehub.alerts.cap.CapXml;
import org.cascadehub.directory.People;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/alerts/{id}/cap: every kind of alert as CAP 1.2 that the official schema and rules accept. */
@CascadeTest
class AlertCapApiTests {

    private static final CapValidator VALIDATOR = new CapValidator();

    @LocalServerPort
    int port;

    @Autowired
    People people;

    TestHttp http;
    PublishedAlerts alerts;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        alerts = new PublishedAlerts(http);
    }

    @Test
    void aDraftIsACapDraftUnderTheIdentifierItWillBePublishedWith() {
        String id = alerts.writeDraft(draft("Draft: van parked on kerb", "GREEN", boroughs("Westminster")))
                .get("id")
                .asString();

        CapAlert cap = validCap(id);

        assertThat(cap.status()).isEqualTo(CapStatus.Draft);
        assertThat(cap.identifier()).isEqualTo("cascade-alert-" + id);
        assertThat(cap.sender()).isEqualTo("alerts@cascade.local");
        assertThat(cap.msgType()).isEqualTo(CapMsgType.Alert);
        assertThat(cap.references()).isEmpty();
    }

    @Test
    void aPublicAlertForBoroughsCarriesTheirCodesAndSimplifiedOutlines() {
        JsonNode published =
                alerts.publish(draft("Clear: march on Whitehall", "CLEAR", boroughs("Westminster", "Camden")));

        CapAlert cap = validCap(published.get("id").asString());

        assertThat(cap.status()).isEqualTo(CapStatus.Actual);
        assertThat(cap.identifier()).isEqualTo(published.get("identifier").asString());
        assertThat(cap.scope()).isEqualTo(CapScope.Public);
        assertThat(cap.restriction()).isNull();
        assertThat(cap.codes()).containsExactly("TLP:CLEAR");
        assertThat(cap.sent().getOffset().getTotalSeconds()).isZero();
        CapInfo info = cap.infos().getFirst();
        assertThat(info.language()).isEqualTo("en-GB");
        assertThat(info.headline()).isEqualTo("Clear: march on Whitehall");
        assertThat(info.senderName()).isEqualTo("Metropolitan Police – Westminster");
        assertThat(info.responseTypes()).extracting(Enum::name).containsExactly("Avoid");
        assertThat(info.parameters()).containsExactly(new CapNamedValue("TLP", "CLEAR"));
        assertThat(info.web()).endsWith("/alerts/" + published.get("id").asString());
        assertThat(info.expires()).isNotNull();
        CapArea area = info.areas().getFirst();
        assertThat(area.areaDesc()).isEqualTo("Westminster, Camden");
        assertThat(area.geocodes())
                .containsExactly(
                        new CapNamedValue("cascade-borough", "westminster"),
                        new CapNamedValue("cascade-borough", "camden"));
        assertThat(area.polygons()).hasSizeGreaterThanOrEqualTo(2);
        for (CapPolygon polygon : area.polygons()) {
            assertThat(polygon.points()).hasSizeBetween(4, 120);
            assertThat(polygon.points().getFirst()).isEqualTo(polygon.points().getLast());
        }
    }

    @Test
    void everyTlpLabelAndAreaKindExportsAsValidCap() {
        UUID strandArcade = people.findByEmail("security@demo.test")
                .orElseThrow()
                .organisationId()
                .value();
        UUID securityManager =
                people.findByEmail("security@demo.test").orElseThrow().id().value();
        Map<String, Map<String, Object>> drafts = new LinkedHashMap<>();
        drafts.put("GREEN", draft("Green: polygon on the Strand", "GREEN", strandPolygon()));
        drafts.put("AMBER", draft("Amber: circle at Charing Cross", "AMBER", circle(51.508, -0.125, 0.5)));
        drafts.put(
                "AMBER+STRICT",
                withAudience(
                        draft("Strict: boroughs", "AMBER+STRICT", boroughs("Westminster")),
                        List.of(strandArcade),
                        List.of()));
        drafts.put(
                "RED",
                withAudience(
                        draft("Red: named people", "RED", circle(51.51, -0.12, 2)),
                        List.of(),
                        List.of(securityManager)));

        Map<String, CapAlert> caps = new LinkedHashMap<>();
        for (var entry : drafts.entrySet()) {
            CapAlert cap = validCap(alerts.publish(entry.getValue()).get("id").asString());
            caps.put(entry.getKey(), cap);
            assertThat(cap.scope()).as(entry.getKey()).isEqualTo(CapScope.Restricted);
            assertThat(cap.restriction()).as(entry.getKey()).startsWith("TLP:" + entry.getKey() + ".");
            assertThat(cap.codes()).containsExactly("TLP:" + entry.getKey());
        }
        assertThat(caps.get("AMBER").restriction()).contains("need-to-know", "clients");
        assertThat(caps.get("AMBER+STRICT").restriction())
                .contains("own organisation")
                .doesNotContain("clients");
        assertThat(caps.get("RED").restriction()).contains("no further disclosure");
        assertThat(caps.get("AMBER").infos().getFirst().areas().getFirst().circles())
                .singleElement()
                .satisfies(c -> assertThat(c.radiusKm()).isEqualTo(0.5));
        assertThat(caps.get("GREEN").infos().getFirst().areas().getFirst().polygons())
                .singleElement()
                .satisfies(p -> assertThat(p.points()).hasSize(4));
    }

    @Test
    void anUpdateACancelAndAForwardReferenceWhatTheyFollow() {
        JsonNode original = alerts.publish(draft("Cordon on the Strand", "GREEN", boroughs("Westminster")));
        String originalId = original.get("id").asString();
        CapAlert originalCap = validCap(originalId);

        String lead = bearer(http.token("retail-lead@demo.test", "demo-password"));
        JsonNode forward = PublishedAlerts.created(http.postJson(
                "/api/v1/alerts/" + originalId + "/forward",
                "{\"note\": \"Retail: close shutters\"}",
                "Authorization",
                lead));
        CapAlert forwardCap = validCap(forward.get("id").asString());
        assertThat(forwardCap.msgType()).isEqualTo(CapMsgType.Alert);
        assertThat(forwardCap.note()).isEqualTo("Retail: close shutters");
        assertThat(forwardCap.references()).containsExactly(originalCap.reference());

        JsonNode update = PublishedAlerts.created(http.postJson(
                "/api/v1/alerts/" + originalId + "/update",
                TestHttp.json(draft("Cordon widened on the Strand", "GREEN", boroughs("Westminster"))),
                "Authorization",
                alerts.police));
        String updateId = update.get("id").asString();
        CapAlert updateDraft = validCap(updateId);
        assertThat(updateDraft.status()).isEqualTo(CapStatus.Draft);
        assertThat(updateDraft.msgType()).isEqualTo(CapMsgType.Update);
        assertThat(updateDraft.references()).containsExactly(originalCap.reference());

        alerts.publish(updateId, false);
        CapAlert updateCap = validCap(updateId);
        assertThat(updateCap.status()).isEqualTo(CapStatus.Actual);

        JsonNode cancel = http.postJson(
                        "/api/v1/alerts/" + updateId + "/cancel",
                        "{\"reason\": \"Item was safe\"}",
                        "Authorization",
                        alerts.police)
                .json();
        CapAlert cancelCap = validCap(cancel.get("id").asString());
        assertThat(cancelCap.msgType()).isEqualTo(CapMsgType.Cancel);
        assertThat(cancelCap.note()).isEqualTo("Item was safe");
        assertThat(cancelCap.references()).containsExactly(updateCap.reference());
    }

    @Test
    void theExportIsRefusedExactlyAsTheAlertIs() {
        String draft = alerts.writeDraft(draft("Draft nobody else sees", "GREEN", boroughs("Westminster")))
                .get("id")
                .asString();
        UUID strandArcade = people.findByEmail("security@demo.test")
                .orElseThrow()
                .organisationId()
                .value();
        String amber = alerts.publish(withAudience(
                        draft("Amber for the Strand Arcade only", "AMBER", boroughs("Westminster")),
                        List.of(strandArcade),
                        List.of()))
                .get("id")
                .asString();
        String security = bearer(http.token("security@demo.test", "demo-password"));
        String lead = bearer(http.token("retail-lead@demo.test", "demo-password"));

        Response hidden = http.get("/api/v1/alerts/" + draft + "/cap", "Authorization", security);
        assertThat(hidden.status()).as("a draft is for the alert staff").isEqualTo(404);
        assertThat(hidden.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.get("/api/v1/alerts/" + amber + "/cap", "Authorization", lead)
                        .status())
                .as("TLP:AMBER: only the organisations it reached")
                .isEqualTo(404);
        assertThat(http.get("/api/v1/alerts/" + amber + "/cap", "Authorization", security)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/alerts/" + amber + "/cap").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/alerts/999999999/cap", "Authorization", security)
                        .status())
                .isEqualTo(404);
    }

    /** The alert's CAP as the police coordinator reads it, valid by the official schema and the rules. */
    private CapAlert validCap(String id) {
        Response response = http.get("/api/v1/alerts/" + id + "/cap", "Authorization", alerts.police);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/cap+xml"));
        byte[] xml = response.body().getBytes(StandardCharsets.UTF_8);
        CapValidation validation = VALIDATOR.validate(xml);
        assertThat(validation.errors()).as(response.body()).isEmpty();
        assertThat(validation.warnings()).as(response.body()).isEmpty();
        return CapXml.read(xml);
    }
}

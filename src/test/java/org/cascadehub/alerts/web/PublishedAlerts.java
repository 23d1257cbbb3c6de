package org.cascadehub.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * Alerts for tests, written and published over the API as the demo police coordinator, with the
 * demo approver's approval where the rules ask for it (Severe or Extreme, or TLP:CLEAR).
 */
final class PublishedAlerts {

    private final TestHttp http;
    final String police;
    final String approver;

    PublishedAlerts(TestHttp http) {
        this.http = http;
        this.police = bearer(http.token("police@demo.test", "demo-password"));
        this.approver = bearer(http.token("approver@demo.test", "demo-password"));
    }

    /** A Minor alert's JSON draft with this headline, TLP label and area. */
    static Map<String, Object> draft(String headline, String tlp, Map<String, Object> area) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("headline", headline);
        draft.put("description", "What happened: " + headline);
        draft.put("instruction", "Keep staff away.");
        draft.put("category", "Security");
        draft.put("urgency", "Expected");
        draft.put("severity", "Minor");
        draft.put("certainty", "Likely");
        draft.put("responseType", "Avoid");
        draft.put("tlp", tlp);
        draft.put("area", area);
        draft.put("expiresInMinutes", 120);
        return draft;
    }

    static Map<String, Object> boroughs(String... names) {
        return Map.of("boroughs", List.of(names));
    }

    static Map<String, Object> circle(double lat, double lon, double radiusKm) {
        return Map.of("circle", Map.of("lat", lat, "lon", lon, "radiusKm", radiusKm));
    }

    static Map<String, Object> strandPolygon() {
        return Map.of(
                "polygon", List.of(List.of(51.5100, -0.1250), List.of(51.5120, -0.1180), List.of(51.5090, -0.1160)));
    }

    /** Only these organisations in the area (TLP:RED: only these people). */
    static Map<String, Object> withAudience(Map<String, Object> draft, List<UUID> organisations, List<UUID> people) {
        Map<String, Object> copy = new LinkedHashMap<>(draft);
        copy.put("audience", Map.of("organisations", organisations, "people", people));
        return copy;
    }

    JsonNode writeDraft(Map<String, Object> draft) {
        return created(http.postJson("/api/v1/alerts", TestHttp.json(draft), "Authorization", police));
    }

    /** Drafts and publishes; CLEAR and Severe alerts are submitted and approved by a second person. */
    JsonNode publish(Map<String, Object> draft) {
        String id = writeDraft(draft).get("id").asString();
        return publish(id, needsApproval(draft));
    }

    JsonNode publish(String id, boolean approval) {
        Response published;
        if (approval) {
            http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", police);
            published = http.postJson("/api/v1/alerts/" + id + "/approve", "", "Authorization", approver);
        } else {
            published = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);
        }
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        return published.json();
    }

    static boolean needsApproval(Map<String, Object> draft) {
        return "CLEAR".equals(draft.get("tlp")) || List.of("Severe", "Extreme").contains(draft.get("severity"));
    }

    static JsonNode created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}

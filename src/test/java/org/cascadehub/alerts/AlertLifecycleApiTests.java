package org.cascadehub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An alert's life over the API: draft, approval rules, publication, acknowledgement, update, cancel, forward. */
@CascadeTest
class AlertLifecycleApiTests {

    static final String SEVERE_WESTMINSTER = """
            {"headline": "Suspicious item on the Strand", "description": "A cordon is in place.",
             "instruction": "Keep staff away from the cordon.", "category": "Security", "urgency": "Immediate",
             "severity": "Severe", "certainty": "Observed", "tlp": "AMBER",
             "area": {"boroughs": ["Westminster"]}, "expiresInMinutes": 120}
            """;

    static final String MINOR_WESTMINSTER =
            SEVERE_WESTMINSTER.replace("Severe", "Minor").replace("AMBER", "GREEN");

    @LocalServerPort
    int port;

    TestHttp http;
    String police;
    String approver;
    String security;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
        approver = bearer(http.token("approver@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
    }

    @Test
    void aSevereAlertNeedsASecondPersonsApprovalThenReachesTheAreaAndIsAcknowledged() {
        JsonNode draft = created(http.postJson("/api/v1/alerts", SEVERE_WESTMINSTER, "Authorization", police));
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("areaDescription").asString()).isEqualTo("Westminster");

        Response reach = http.get("/api/v1/alerts/" + id + "/reach", "Authorization", police);
        assertThat(reach.json().get("people").asInt()).isPositive();
        assertThat(reach.json().get("byBorough").has("westminster"))
                .as(reach.body())
                .isTrue();

        Response early = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("approval");

        assertThat(http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", police)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUBMITTED");
        assertThat(http.postJson("/api/v1/alerts/" + id + "/approve", "", "Authorization", police)
                        .status())
                .as("the author is not an approver")
                .isEqualTo(403);
        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", security).status())
                .as("nobody outside the alert staff sees an unpublished alert")
                .isEqualTo(404);

        JsonNode published = http.postJson("/api/v1/alerts/" + id + "/approve", "", "Authorization", approver)
                .json();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("seq").asLong()).isPositive();
        assertThat(published.get("decidedByName").asString()).isNotBlank();
        assertThat(published.get("recipientCount").asInt())
                .isEqualTo(reach.json().get("people").asInt());

        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", security).status())
                .isEqualTo(200);
        Response ack = http.postJson("/api/v1/alerts/" + id + "/ack", "", "Authorization", security);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        Response again = http.postJson("/api/v1/alerts/" + id + "/ack", "", "Authorization", security);
        assertThat(again.json().get("acknowledgedAt").asString())
                .isEqualTo(ack.json().get("acknowledgedAt").asString());

        JsonNode acks = http.get("/api/v1/alerts/" + id + "/acks", "Authorization", police)
                .json();
        assertThat(acks.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(acks.get("byOrganisation")
                        .get("Strand Arcade Retail Ltd")
                        .get("acknowledged")
                        .asInt())
                .isEqualTo(1);
        assertThat(http.get("/api/v1/alerts/" + id + "/acks", "Authorization", security)
                        .status())
                .as("recipients do not follow others' acknowledgements")
                .isEqualTo(403);
    }

    @Test
    void anApproverMayNotApproveTheirOwnAlertAndARejectionCarriesItsReason() {
        String admin = bearer(http.token("admin@demo.test", "demo-password"));
        String id = created(http.postJson("/api/v1/alerts", SEVERE_WESTMINSTER, "Authorization", admin))
                .get("id")
                .asString();
        http.postJson("/api/v1/alerts/" + id + "/submit", "", "Authorization", admin);

        Response noReason = http.postJson("/api/v1/alerts/" + id + "/reject", "{}", "Authorization", approver);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        JsonNode rejected = http.postJson(
                        "/api/v1/alerts/" + id + "/reject",
                        "{\"reason\": \"Name the road\"}",
                        "Authorization",
                        approver)
                .json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asString()).isEqualTo("Name the road");

        Response edited = http.putJson(
                "/api/v1/alerts/" + id,
                SEVERE_WESTMINSTER.replace("the Strand", "Strand, WC2"),
                "Authorization",
                admin);
        assertThat(edited.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.json().has("rejectionReason")
                        && !edited.json().get("rejectionReason").isNull())
                .isFalse();
    }

    @Test
    void aMinorGreenAlertIsPublishedByItsAuthorThenUpdatedAndCancelled() {
        String id = created(http.postJson("/api/v1/alerts", MINOR_WESTMINSTER, "Authorization", police))
                .get("id")
                .asString();
        JsonNode published = http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police)
                .json();
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode update = created(http.postJson(
                "/api/v1/alerts/" + id + "/update",
                MINOR_WESTMINSTER.replace("Suspicious item on the Strand", "Cordon widened on the Strand"),
                "Authorization",
                police));
        assertThat(update.get("msgType").asString()).isEqualTo("Update");
        assertThat(update.get("referencesId").asString()).isEqualTo(id);
        http.postJson("/api/v1/alerts/" + update.get("id").asString() + "/publish", "", "Authorization", police);
        assertThat(http.get("/api/v1/alerts/" + id, "Authorization", police)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SUPERSEDED");

        JsonNode cancel = http.postJson(
                        "/api/v1/alerts/" + update.get("id").asString() + "/cancel",
                        "{\"reason\": \"Item was safe\"}",
                        "Authorization",
                        police)
                .json();
        assertThat(cancel.get("msgType").asString()).isEqualTo("Cancel");
        assertThat(cancel.get("note").asString()).isEqualTo("Item was safe");
        JsonNode versions = http.get("/api/v1/alerts/" + id + "/versions", "Authorization", police)
                .json();
        assertThat(versions.size()).isEqualTo(3);
        assertThat(versions.get(1).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(http.postJson("/api/v1/alerts/" + id + "/cancel", "{}", "Authorization", police)
                        .status())
                .as("a superseded version cannot be cancelled again")
                .isEqualTo(409);
    }

    @Test
    void aDraftWithEveryFieldWrongNamesEachField() {
        Response response = http.postJson("/api/v1/alerts", """
                {"headline": "", "category": "Weather", "urgency": "Now", "severity": "Severe",
                 "certainty": "Observed", "tlp": "PURPLE", "area": {"boroughs": ["Atlantis"]}, "expiresInMinutes": 0}
                """, "Authorization", police);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("headline", "category", "urgency", "tlp", "area.boroughs", "expiresInMinutes");
    }

    @Test
    void membersCannotWriteAlerts() {
        assertThat(http.postJson("/api/v1/alerts", MINOR_WESTMINSTER, "Authorization", security)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/v1/alerts", MINOR_WESTMINSTER).status()).isEqualTo(401);
    }

    @Test
    void aSectorLeadForwardsAnAlertToTheirSectorAndTheTreeShowsIt() {
        String lead = bearer(http.token("retail-lead@demo.test", "demo-password"));
        String id = created(http.postJson("/api/v1/alerts", MINOR_WESTMINSTER, "Authorization", police))
                .get("id")
                .asString();
        http.postJson("/api/v1/alerts/" + id + "/publish", "", "Authorization", police);

        Response forward = http.postJson(
                "/api/v1/alerts/" + id + "/forward", "{\"note\": \"Retail: close shutters\"}", "Authorization", lead);
        assertThat(forward.status()).as(forward.body()).isEqualTo(201);
        assertThat(forward.json().get("forwardedFromId").asString()).isEqualTo(id);
        assertThat(forward.json().get("audience").get("sectors").get(0).asString())
                .isEqualTo("retail");

        JsonNode tree = http.get("/api/v1/alerts/" + id + "/tree", "Authorization", police)
                .json();
        assertThat(tree.get("forwards").get(0).get("note").asString()).isEqualTo("Retail: close shutters");
        assertThat(http.postJson("/api/v1/alerts/" + id + "/forward", "{}", "Authorization", security)
                        .status())
                .as("only sector leads forward")
                .isEqualTo(403);
    }

    private static JsonNode created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}

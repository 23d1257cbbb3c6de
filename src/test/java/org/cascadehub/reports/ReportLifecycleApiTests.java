package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.directory.Role;
import org.cascadehub.support.TestHttp;
import org.cascadehub.support.TestHttp.Response;
import org.cascadehub.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A report's life over the API: submit, every refusal, triage, messages, links, nearby, promotion, drafts, retention. */
@CascadeTest
class ReportLifecycleApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestPeople testPeople;

    @Autowired
    ReportRetention retention;

    @Autowired
    JdbcClient jdbc;

    TestHttp http;
    String police;
    String security;
    String guard;
    String lead;
    String outsider;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
        guard = bearer(http.token("guard@demo.test", "demo-password"));
        lead = bearer(http.token("retail-lead@demo.test", "demo-password"));
        TestPeople.TestPerson someone = testPeople.create(Role.MEMBER);
        outsider = bearer(http.token(someone.email(), someone.password()));
    }

    private String submit(String json, String token) {
        Response created = http.postJson("/api/v1/reports", json, "Authorization", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> fields(Response response) {
        return response.json()
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    @Test
    void aMemberReportsAndThePoliceAndTheirOrganisationSeeIt() {
        Response created = http.postJson(
                "/api/v1/reports",
                ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY),
                "Authorization",
                security);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(created.location())
                .endsWith("/api/v1/reports/" + report.get("id").asString());
        assertThat(report.get("status").asString()).isEqualTo("NEW");
        assertThat(report.get("borough").asString()).isEqualTo("westminster");
        assertThat(report.get("type").asString()).isEqualTo("HOSTILE_RECONNAISSANCE");
        assertThat(report.get("tlp").asString()).isEqualTo("AMBER");
        assertThat(report.get("immediateDanger").asBoolean()).isFalse();
        assertThat(report.get("people").get(0).get("clothing").asString()).isEqualTo("black puffer jacket");
        assertThat(report.get("vehicles").get(0).get("registration").asString()).isEqualTo("AB12 CDE");
        String path = "/api/v1/reports/" + report.get("id").asString();
        assertThat(http.get(path, "Authorization", police).status()).isEqualTo(200);
        assertThat(http.get(path, "Authorization", guard).status()).isEqualTo(200);
        Response hidden = http.get(path, "Authorization", lead);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain("staff entrance");
        assertThat(http.get("/api/v1/reports/not-an-id", "Authorization", police)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/reports/" + java.util.UUID.randomUUID(), "Authorization", police)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void tlpDefaultsToAmberAndAReadOfAnAmberReportIsAudited() {
        String id = submit(
                ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY)
                        .replace("\"tlp\": \"AMBER\",", ""),
                security);
        Response read = http.get("/api/v1/reports/" + id, "Authorization", police);
        assertThat(read.json().get("tlp").asString()).isEqualTo("AMBER");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'RestrictedReportRead'"
                                        + " AND detail LIKE ? AND actor = 'police@demo.test'")
                                .param("%" + id + "%")
                                .query(Long.class)
                                .single()
                        > 0);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        String json = """
                {"type": "ALIENS", "occurredAt": "%s", "location": {"lat": 48.8566, "lon": 2.3522},
                 "description": "%s", "people": [%s], "vehicles": [{}], "tlp": "PURPLE",
                 "sharing": {"organisations": ["%s"], "sharingGroups": ["nope"], "people": ["x"]}}
                """.formatted(
                        Instant.now().plus(2, ChronoUnit.DAYS),
                        "x".repeat(10_001),
                        String.join(",", java.util.Collections.nCopies(21, "{\"role\": \"SUSPECT\"}")),
                        java.util.UUID.randomUUID());
        Response refused = http.postJson("/api/v1/reports", json, "Authorization", security);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused))
                .contains(
                        "type",
                        "occurredAt",
                        "location",
                        "description",
                        "people",
                        "vehicles[0]",
                        "tlp",
                        "sharing.organisations",
                        "sharing.sharingGroups",
                        "sharing.people");
        assertThat(refused.body())
                .contains("outside the city")
                .contains("future")
                .contains("10,000");
    }

    @Test
    void anEmptyReportNamesWhatIsMissing() {
        Response refused = http.postJson("/api/v1/reports", "{}", "Authorization", security);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("type", "occurredAt", "location", "description");
    }

    @Test
    void badDetailsArePointedAtOneByOne() {
        String json = ReportJson.hostileReconnaissance("RED", ReportJson.POLICE_ONLY)
                .replace("\"role\": \"SUSPECT\"", "\"role\": \"BYSTANDER\"")
                .replace("\"black puffer jacket\"", "\"" + "y".repeat(201) + "\"");
        Response refused = http.postJson("/api/v1/reports", json, "Authorization", security);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("people[0].role", "people[0].clothing", "sharing.people");
        Response malformedTime = http.postJson(
                "/api/v1/reports",
                ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY)
                        .replaceFirst("\"occurredAt\": \"[^\"]+\"", "\"occurredAt\": \"yesterday\""),
                "Authorization",
                security);
        assertThat(fields(malformedTime)).containsExactly("occurredAt");
        Response missingLon = http.postJson(
                "/api/v1/reports",
                ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY)
                        .replace(", \"lon\": " + ReportJson.STRAND_LON, ""),
                "Authorization",
                security);
        assertThat(fields(missingLon)).containsExactly("location.lon");
    }

    @Test
    void specialCategoryFieldsAreNotStoredAndScriptIsKeptAsText() {
        String json = ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY)
                .replace("\"sex\": \"MALE\"", "\"sex\": \"MALE\", \"ethnicity\": \"x\", \"religion\": \"y\"")
                .replace("shift changes.", "shift changes. <script>alert(1)</script>");
        String id = submit(json, security);
        Response read = http.get("/api/v1/reports/" + id, "Authorization", security);
        assertThat(read.json().get("people").get(0).has("ethnicity")).isFalse();
        assertThat(read.json().get("people").get(0).has("religion")).isFalse();
        assertThat(read.json().get("description").asString()).contains("<script>alert(1)</script>");
        String stored = jdbc.sql("SELECT people::text FROM report WHERE id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("ethnicity").doesNotContain("religion");
    }

    @Test
    void immediateDangerSavesAndSaysSo() {
        String id = submit(
                ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY)
                        .replace("\"immediateDanger\": false", "\"immediateDanger\": true"),
                security);
        assertThat(http.get("/api/v1/reports/" + id, "Authorization", security)
                        .json()
                        .get("immediateDanger")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void onlyVettedMembersReport() {
        Response anonymous =
                http.postJson("/api/v1/reports", ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void thePoliceMoveAReportThroughItsStatusesAndEveryWrongStepIsRefused() {
        String id = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), security);
        String status = "/api/v1/reports/" + id + "/status";
        assertThat(http.postJson(status, "{\"status\": \"ACKNOWLEDGED\"}", "Authorization", security)
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson(status, "{\"status\": \"ACKNOWLEDGED\"}", "Authorization", lead)
                        .status())
                .isEqualTo(404);
        Response unknown = http.postJson(status, "{\"status\": \"SOLVED\"}", "Authorization", police);
        assertThat(fields(unknown)).containsExactly("status");
        Response acknowledged = http.postJson(
                status,
                "{\"status\": \"ACKNOWLEDGED\", \"message\": \"Thank you, we are on it.\"}",
                "Authorization",
                police);
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.json().get("firstResponseAt").isNull()).isFalse();
        Response noReference = http.postJson(status, "{\"status\": \"CRIME_RECORDED\"}", "Authorization", police);
        assertThat(fields(noReference)).containsExactly("crimeReference");
        Response recorded = http.postJson(
                status,
                "{\"status\": \"CRIME_RECORDED\", \"crimeReference\": \"CAD 1234/26\", \"message\": \"Crime recorded.\"}",
                "Authorization",
                police);
        assertThat(recorded.json().get("crimeReference").asString()).isEqualTo("CAD 1234/26");
        assertThat(http.postJson(status, "{\"status\": \"ASSIGNED\"}", "Authorization", police)
                        .status())
                .isEqualTo(409);
        Response noOutcome = http.postJson(status, "{\"status\": \"CLOSED\"}", "Authorization", police);
        assertThat(fields(noOutcome)).containsExactly("outcome");
        Response closed = http.postJson(
                status,
                "{\"status\": \"CLOSED\", \"outcome\": \"Suspects identified and warned.\"}",
                "Authorization",
                police);
        assertThat(closed.json().get("closedAt").isNull()).isFalse();
        assertThat(http.postJson(status, "{\"status\": \"ACKNOWLEDGED\"}", "Authorization", police)
                        .status())
                .isEqualTo(409);
        Response history = http.get("/api/v1/reports/" + id + "/history", "Authorization", guard);
        assertThat(history.json().valueStream().map(s -> s.get("to").asString()).toList())
                .containsExactly("ACKNOWLEDGED", "CRIME_RECORDED", "CLOSED");
        assertThat(history.json().get(0).get("message").asString()).isEqualTo("Thank you, we are on it.");
    }

    @Test
    void messagesGoBothWaysBetweenTheReporterAndThePoliceOnly() {
        String id = submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), security);
        String messages = "/api/v1/reports/" + id + "/messages";
        assertThat(http.postJson(messages, "{\"body\": \"They came back today.\"}", "Authorization", security)
                        .status())
                .isEqualTo(201);
        assertThat(http.postJson(messages, "{\"body\": \"Thanks, an officer will visit.\"}", "Authorization", police)
                        .status())
                .isEqualTo(201);
        Response read = http.get(messages, "Authorization", guard);
        assertThat(read.json().valueStream().map(m -> m.get("body").asString()).toList())
                .containsExactly("They came back today.", "Thanks, an officer will visit.");
        assertThat(read.json().get(1).get("fromPolice").asBoolean()).isTrue();
        assertThat(http.get(messages, "Authorization", lead).status()).isEqualTo(403); // GREEN: sees it, takes no part
        assertThat(http.postJson(messages, "{\"body\": \"hello\"}", "Authorization", lead)
                        .status())
                .isEqualTo(403);
        assertThat(fields(http.postJson(messages, "{\"body\": \"  \"}", "Authorization", police)))
                .containsExactly("body");
        String amber = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), security);
        assertThat(http.get("/api/v1/reports/" + amber + "/messages", "Authorization", lead)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void thePoliceLinkRelatedReportsAndOthersSeeOnlyLinksToReportsTheyMaySee() {
        String mine = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), security);
        String theirs = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), lead);
        String links = "/api/v1/reports/" + mine + "/links";
        String request = "{\"report\": \"" + theirs + "\", \"kind\": \"SAME_VEHICLE\", \"note\": \"Same Transit\"}";
        assertThat(http.postJson(links, request, "Authorization", security).status())
                .isEqualTo(403);
        Response linked = http.postJson(links, request, "Authorization", police);
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/reports/" + theirs + "/links", "Authorization", police)
                        .json()
                        .get(0)
                        .get("related")
                        .asString())
                .isEqualTo(mine);
        assertThat(http.get(links, "Authorization", security).json().size()).isZero();
        assertThat(fields(http.postJson(links, "{\"report\": \"" + mine + "\"}", "Authorization", police)))
                .containsExactly("report");
        assertThat(fields(http.postJson(
                        links,
                        "{\"report\": \"" + java.util.UUID.randomUUID() + "\", \"kind\": \"TWINS\"}",
                        "Authorization",
                        police)))
                .containsExactlyInAnyOrder("report", "kind");
    }

    @Test
    void nearbyReportsAreThoseTheViewerMaySeeCloseInTimeAndPlace() {
        String first = submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), security);
        String second = submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), security);
        String hidden = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), security);
        Response nearby = http.get("/api/v1/reports/" + first + "/nearby?distanceKm=1&hours=24", "Authorization", lead);
        assertThat(nearby.status()).as(nearby.body()).isEqualTo(200);
        List<String> ids = nearby.json()
                .valueStream()
                .map(n -> n.get("report").get("id").asString())
                .toList();
        assertThat(ids).contains(second).doesNotContain(first, hidden);
        assertThat(http.get("/api/v1/reports/" + first + "/nearby", "Authorization", police)
                        .json()
                        .valueStream()
                        .map(n -> n.get("report").get("id").asString()))
                .contains(hidden);
        assertThat(fields(http.get("/api/v1/reports/" + first + "/nearby?distanceKm=0", "Authorization", lead)))
                .containsExactly("distanceKm");
    }

    @Test
    void thePolicePromoteAReportToAnAlertDraft() {
        String id = submit(ReportJson.hostileReconnaissance("AMBER", ReportJson.POLICE_ONLY), security);
        String promote = "/api/v1/reports/" + id + "/alert-draft";
        assertThat(http.postJson(promote, "{}", "Authorization", security).status())
                .isEqualTo(403);
        Response draft = http.postJson(promote, "{\"area\": \"circle\", \"radiusKm\": 0.3}", "Authorization", police);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("headline").asString()).isEqualTo("Hostile reconnaissance reported in Westminster");
        assertThat(draft.json().get("tlp").asString()).isEqualTo("AMBER");
        assertThat(draft.json().get("area").get("circle").get("radiusKm").asDouble())
                .isEqualTo(0.3);
        Response byBorough = http.postJson(promote, "{\"area\": \"borough\"}", "Authorization", police);
        assertThat(byBorough.json().get("area").get("boroughs").get(0).asString())
                .isEqualTo("westminster");
        assertThat(fields(http.postJson(promote, "{\"area\": \"square\"}", "Authorization", police)))
                .containsExactly("area");
    }

    @Test
    void aDraftIsKeptAsThePersonTypesUntilTheySubmitOrDiscardIt() {
        TestPeople.TestPerson typist = testPeople.create(Role.MEMBER);
        String token = bearer(http.token(typist.email(), typist.password()));
        assertThat(http.get("/api/v1/reports/draft", "Authorization", token).status())
                .isEqualTo(404);
        Response saved = http.putJson(
                "/api/v1/reports/draft", "{\"description\": \"Two men at the <b>door</b>\"}", "Authorization", token);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/reports/draft", "Authorization", token)
                        .json()
                        .get("content")
                        .get("description")
                        .asString())
                .isEqualTo("Two men at the <b>door</b>");
        assertThat(http.get("/api/v1/reports/draft", "Authorization", security).status())
                .isIn(200, 404);
        Response refused = http.postJson("/api/v1/reports", "{\"type\": \"THEFT\"}", "Authorization", token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/reports/draft", "Authorization", token).status())
                .as("a refused submit keeps the draft")
                .isEqualTo(200);
        submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), token);
        assertThat(http.get("/api/v1/reports/draft", "Authorization", token).status())
                .isEqualTo(404);
        http.putJson("/api/v1/reports/draft", "{\"description\": \"again\"}", "Authorization", token);
        assertThat(http.delete("/api/v1/reports/draft", "Authorization", token).status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/reports/draft", "Authorization", token).status())
                .isEqualTo(404);
        assertThat(fields(http.putJson("/api/v1/reports/draft", "[1, 2]", "Authorization", token)))
                .containsExactly("draft");
    }

    @Test
    void searchFindsByTextTypeBoroughAndStatusAmongVisibleReports() {
        String word = "zebra" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String json = ReportJson.report(
                "SUSPICIOUS_ITEM", Instant.now().minus(2, ChronoUnit.HOURS), "AMBER", ReportJson.POLICE_ONLY, word);
        String id = submit(json, security);
        Response found = http.get(
                "/api/v1/reports?q=" + word + "&type=SUSPICIOUS_ITEM&borough=westminster&status=NEW",
                "Authorization",
                police);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(http.get("/api/v1/reports?q=" + word, "Authorization", lead)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.get("/api/v1/reports?q=" + word + "&status=CLOSED", "Authorization", police)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(fields(http.get("/api/v1/reports?type=UFO&status=DONE&from=soon", "Authorization", police)))
                .containsExactlyInAnyOrder("type", "status", "from");
    }

    @Test
    void thePoliceQueueShowsOpenReportsOfTheirBoroughs() {
        String id = submit(
                ReportJson.hostileReconnaissance("RED", ReportJson.people(personId("guard@demo.test"))), security);
        Response queue =
                http.get("/api/v1/reports/queue?borough=westminster&status=NEW&size=200", "Authorization", police);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/reports/queue?borough=camden&status=NEW&size=200", "Authorization", police)
                        .body())
                .doesNotContain(id);
        assertThat(http.get("/api/v1/reports/queue", "Authorization", security).status())
                .isEqualTo(403);
        assertThat(queue.json().get("total").asLong()).isPositive();
    }

    @Test
    void statisticsCountOnlyVisibleReportsAndExportAsCsv() {
        Instant at = Instant.parse("2024-02-29T10:15:30Z").plusMillis(System.nanoTime() % 1000);
        String json = ReportJson.report("FRAUD", at, "AMBER", ReportJson.POLICE_ONLY, "");
        String id = submit(json, security);
        http.postJson(
                "/api/v1/reports/" + id + "/status",
                "{\"status\": \"ACKNOWLEDGED\", \"message\": \"Seen.\"}",
                "Authorization",
                police);
        String window = "?from=" + at + "&to=" + at.plusMillis(1);
        Response police = http.get("/api/v1/reports/statistics" + window, "Authorization", this.police);
        assertThat(police.json().get("total").asLong()).isEqualTo(1);
        assertThat(police.json().get("withFeedback").asLong()).isEqualTo(1);
        assertThat(police.json().get("byType").get(0).get("key").asString()).isEqualTo("FRAUD");
        assertThat(police.json().get("byMonth").get(0).get("key").asString()).isEqualTo("2024-02");
        assertThat(police.json().get("medianMinutesToFirstResponse").isNull()).isFalse();
        JsonNode month = police.json().get("monthly").get(0);
        assertThat(month.get("key").asString()).isEqualTo("2024-02");
        assertThat(month.get("reports").asLong()).isEqualTo(1);
        assertThat(month.get("withFeedback").asLong()).isEqualTo(1);
        assertThat(month.get("medianMinutesToFirstResponse").isNull()).isFalse();
        assertThat(http.get("/api/v1/reports/statistics" + window, "Authorization", lead)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        Response csv = http.get("/api/v1/reports/statistics.csv" + window, "Authorization", this.police);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("figure,key,label,value")
                .contains("type,FRAUD,Fraud,1")
                .contains("month_feedback_share,2024-02,2024-02,1.000");
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyMakesOneReport() {
        String json = ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY);
        String key = java.util.UUID.randomUUID().toString();
        Response first = http.postJson("/api/v1/reports", json, "Authorization", security, "Idempotency-Key", key);
        Response again = http.postJson("/api/v1/reports", json, "Authorization", security, "Idempotency-Key", key);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void closedReportsArePurgedAfterTheirRetentionAndThePurgeIsAudited() {
        String id = submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), security);
        String open = submit(ReportJson.hostileReconnaissance("GREEN", ReportJson.POLICE_ONLY), security);
        http.postJson(
                "/api/v1/reports/" + id + "/messages",
                "{\"body\": \"kept until the purge\"}",
                "Authorization",
                security);
        http.postJson(
                "/api/v1/reports/" + id + "/status",
                "{\"status\": \"CLOSED\", \"outcome\": \"No further action.\"}",
                "Authorization",
                police);
        Instant now = Instant.now();
        assertThat(retention.purgeDue(now.plus(365, ChronoUnit.DAYS)))
                .doesNotContain(new ReportId(java.util.UUID.fromString(id)));
        List<ReportId> purged = retention.purgeDue(now.plus(400, ChronoUnit.DAYS));
        assertThat(purged)
                .contains(new ReportId(java.util.UUID.fromString(id)))
                .doesNotContain(new ReportId(java.util.UUID.fromString(open)));
        assertThat(http.get("/api/v1/reports/" + id, "Authorization", police).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/reports/" + open, "Authorization", police).status())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM report_message WHERE report_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'ReportPurged' AND detail LIKE ?")
                                        .param("%" + id + "%")
                                        .query(Long.class)
                                        .single()
                                == 1);
    }

    @Test
    void theReportsApiIsDescribedByOpenApi() {
        assertThat(http.get("/v3/api-docs").json().get("paths").propertyNames())
                .contains(
                        "/api/v1/reports",
                        "/api/v1/reports/{id}",
                        "/api/v1/reports/{id}/status",
                        "/api/v1/reports/{id}/messages",
                        "/api/v1/reports/{id}/links",
                        "/api/v1/reports/{id}/nearby",
                        "/api/v1/reports/{id}/alert-draft",
                        "/api/v1/reports/statistics",
                        "/api/v1/reports/statistics.csv",
                        "/api/v1/reports/draft");
    }

    @Autowired
    org.cascadehub.directory.People people;

    private String personId(String email) {
        return people.findByEmail(email).orElseThrow().id().toString();
    }
}

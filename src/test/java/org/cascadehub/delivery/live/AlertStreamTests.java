package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.support.TestHttp.bearer;

import java.util.List;
import org.cascadehub.CascadeTest;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published alerts on the production stream: to recipients only, with the publication seq as the
 * SSE id, replayed after a reconnect from the database, and acknowledgement counts for the author.
 */
@CascadeTest
class AlertStreamTests {

    static final String DRAFT = """
            {"headline": "%s", "category": "Security", "urgency": "Immediate", "severity": "Minor",
             "certainty": "Observed", "tlp": "%s", "area": {"boroughs": ["%s"]}, "expiresInMinutes": 60}
            """;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    TestHttp http;
    String police;
    String security;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        police = bearer(http.token("police@demo.test", "demo-password"));
        security = bearer(http.token("security@demo.test", "demo-password"));
    }

    @Test
    void aRecipientSeesTheAlertLiveAndANonRecipientDoesNot() {
        try (SseClient recipient = SseClient.open(port, "/api/v1/stream", "Authorization", security);
                SseClient author = SseClient.open(port, "/api/v1/stream", "Authorization", police)) {
            assertThat(recipient.status()).isEqualTo(200);
            long other = publish("Elsewhere: closure in Bromley", "GREEN", "bromley");
            long id = publish("Live: cordon on the Strand", "AMBER", "westminster");

            List<SseClient.Block> events = recipient.eventsUntil("Live: cordon on the Strand");
            assertThat(events).noneMatch(e -> e.data().contains("\"alertId\":" + other + ","));
            SseClient.Block alert = events.getLast();
            JsonNode body = json.readTree(alert.data());
            assertThat(alert.field("event")).hasValue("alert");
            assertThat(body.get("alertId").asLong()).isEqualTo(id);
            assertThat(alert.id()).isEqualTo(body.get("seq").asLong());
            assertThat(body.get("tlp").asString()).isEqualTo("AMBER");

            assertThat(http.postJson("/api/v1/alerts/" + id + "/ack", "", "Authorization", security)
                            .status())
                    .isEqualTo(200);
            List<SseClient.Block> seenByAuthor = author.eventsUntil("\"acknowledged\":1");
            SseClient.Block count = seenByAuthor.getLast();
            assertThat(count.field("event")).hasValue("ack");
            assertThat(count.field("id")).as("counts are not replayed").isEmpty();
            assertThat(count.data()).contains("\"alertId\":" + id);
        }
    }

    @Test
    void aReconnectingRecipientGetsWhatItMissedOnceInOrder() {
        long before;
        try (SseClient first = SseClient.open(port, "/api/v1/stream", "Authorization", security)) {
            publish("Replay: first", "GREEN", "westminster");
            before = first.eventsUntil("Replay: first").getLast().id();
        }
        long second = publish("Replay: second", "GREEN", "westminster");
        long third = publish("Replay: third", "GREEN", "westminster");

        try (SseClient again = SseClient.open(
                port, "/api/v1/stream", "Authorization", security, "Last-Event-ID", Long.toString(before))) {
            List<SseClient.Block> missed = again.eventsUntil("Replay: third");
            List<Long> alertIds = missed.stream()
                    .map(b -> json.readTree(b.data()).get("alertId").asLong())
                    .toList();
            assertThat(alertIds).containsSubsequence(second, third).doesNotHaveDuplicates();
            assertThat(missed.stream().map(SseClient.Block::id).toList())
                    .isSorted()
                    .allMatch(seq -> seq > before);
        }
    }

    private long publish(String headline, String tlp, String borough) {
        return http.publishAlert(DRAFT.formatted(headline, tlp, borough), police);
    }
}

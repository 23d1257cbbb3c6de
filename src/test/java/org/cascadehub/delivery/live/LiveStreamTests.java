package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.delivery.live.Streams.alert;
import static org.cascadehub.delivery.live.Streams.nextSeq;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.cascadehub.delivery.live.SseClient.Block;
import org.cascadehub.delivery.live.Streams.Member;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The live stream over real HTTP: who receives what, in which format, and when streams close. */
@LiveStreamTest
class LiveStreamTests {

    @Autowired
    Streams streams;

    @Autowired
    LiveGateway gateway;

    @Autowired
    MeterRegistry meters;

    @Test
    void onlyThePeopleAnEventIsAddressedToReceiveIt() {
        Member ada = streams.member();
        Member bo = streams.member();
        Member cy = streams.member();
        try (SseClient adaStream = streams.open(ada);
                SseClient boStream = streams.open(bo);
                SseClient cyStream = streams.open(cy)) {
            assertThat(adaStream.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            long seq = nextSeq();

            gateway.broadcast(alert(seq, "for ada and bo", ada.id(), bo.id()));
            gateway.broadcast(LiveEvent.unsequenced(
                    "ack", "{\"marker\":\"for cy\"}".getBytes(StandardCharsets.UTF_8), Set.of(cy.id())));

            Block received = adaStream.nextEvent();
            assertThat(received.lines())
                    .containsExactly(
                            "id: " + seq,
                            "event: alert",
                            "data: {\"seq\":" + seq + ",\"headline\":\"for ada and bo\"}");
            assertThat(boStream.nextEvent().data()).contains("for ada and bo");
            Block cyFirst = cyStream.nextEvent();
            assertThat(cyFirst.lines()).containsExactly("event: ack", "data: {\"marker\":\"for cy\"}");
        }
    }

    @Test
    void everyStreamOfAPersonReceivesTheEvent() {
        Member ada = streams.member();
        try (SseClient first = streams.open(ada);
                SseClient second = streams.open(ada)) {
            await().until(() -> gateway.connected(ada.id()));

            gateway.broadcast(alert(nextSeq(), "to both tabs", ada.id()));

            assertThat(first.nextEvent().data()).contains("to both tabs");
            assertThat(second.nextEvent().data()).contains("to both tabs");
        }
    }

    @Test
    void aSignedInSessionOpensAStreamAndSigningOutClosesIt() {
        Member ada = streams.member();
        TestHttp browser = streams.http();
        assertThat(browser.signIn(ada.person().email(), ada.person().password()).status())
                .isEqualTo(302);
        String session = browser.cookie("CASCADE_SESSION").orElseThrow();
        SseClient stream = SseClient.open(streams.port(), "/api/v1/stream", "Cookie", "CASCADE_SESSION=" + session);
        assertThat(stream.status()).isEqualTo(200);

        gateway.broadcast(alert(nextSeq(), "by session", ada.id()));
        assertThat(stream.nextEvent().data()).contains("by session");

        browser.get("/", "Accept", "text/html");
        browser.postForm("/sign-out", Map.of());
        assertThat(stream.ends()).as("the stream ends with the session").isTrue();
    }

    @Test
    void withoutSigningInTheStreamIsRefused() {
        TestHttp.Response anonymous = streams.http().get("/api/v1/stream", "Accept", "text/event-stream");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        TestHttp.Response badToken = streams.http().get("/api/v1/stream", "Authorization", "Bearer cas_not-a-token");
        assertThat(badToken.status()).isEqualTo(401);
    }

    @Test
    void aLastEventIdThatIsNotASeqIsRefusedNamingWhere() {
        Member ada = streams.member();
        TestHttp http = streams.http();

        TestHttp.Response header =
                http.get("/api/v1/stream", "Authorization", TestHttp.bearer(ada.token()), "Last-Event-ID", "yesterday");
        TestHttp.Response parameter =
                http.get("/api/v1/stream?lastEventId=-4", "Authorization", TestHttp.bearer(ada.token()));

        assertThat(header.status()).isEqualTo(400);
        assertThat(field(header.json())).isEqualTo("Last-Event-ID");
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(field(parameter.json())).isEqualTo("lastEventId");
        assertThat(gateway.connected(ada.id())).isFalse();
    }

    @Test
    void idleStreamsGetHeartbeats() {
        Member ada = streams.member();
        try (SseClient stream = streams.open(ada)) {
            gateway.heartbeat();

            Block heartbeat = stream.next();
            assertThat(heartbeat.isComment()).isTrue();
            assertThat(heartbeat.lines()).containsExactly(": heartbeat");
        }
    }

    @Test
    void aStreamTheClientClosedIsRemoved() {
        Member ada = streams.member();
        SseClient stream = streams.open(ada);
        await().until(() -> gateway.connected(ada.id()));

        stream.close();

        // The server learns a client has gone when a write fails: heartbeats write.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    gateway.heartbeat();
                    return !gateway.connected(ada.id());
                });
    }

    @Test
    void aClientThatDoesNotReadIsClosedAtItsQueueBoundWhileOthersStillReceive() throws IOException {
        Member stuck = streams.member();
        Member reader = streams.member();
        double slowBefore = closed("slow");
        try (Socket socket = new Socket();
                SseClient readerStream = streams.open(reader)) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", streams.port()));
            OutputStream request = socket.getOutputStream();
            request.write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + stuck.token()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().until(() -> gateway.connected(stuck.id()));

            byte[] large = ("{\"padding\":\"" + "x".repeat(64 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5_000 && gateway.connected(stuck.id()); i++) {
                gateway.broadcast(LiveEvent.unsequenced("alert", large, Set.of(stuck.id())));
            }

            assertThat(gateway.connected(stuck.id()))
                    .as("closed once its queue was full")
                    .isFalse();
            assertThat(closed("slow")).isGreaterThan(slowBefore);
            gateway.broadcast(alert(nextSeq(), "still flowing", reader.id(), stuck.id()));
            assertThat(readerStream.nextEvent().data()).contains("still flowing");
        }
    }

    @Test
    void stoppingEndsStreamsAndRefusesNewOnesUntilStartedAgain() {
        Member ada = streams.member();
        SseClient before = streams.open(ada);
        try {
            gateway.stop();

            assertThat(before.ends()).isTrue();
            TestHttp.Response refused =
                    streams.http().get("/api/v1/stream", "Authorization", TestHttp.bearer(ada.token()));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        } finally {
            gateway.start();
        }
        try (SseClient after = streams.open(ada)) {
            gateway.broadcast(alert(nextSeq(), "started again", ada.id()));
            assertThat(after.nextEvent().data()).contains("started again");
        }
    }

    @Test
    void theStreamIsDescribedInTheApiDocumentation() {
        JsonNode stream = streams.http().get("/v3/api-docs").json().get("paths").get("/api/v1/stream");

        assertThat(stream.get("get").get("responses").get("200").get("content").has("text/event-stream"))
                .isTrue();
        assertThat(stream.toString()).contains("Last-Event-ID", "lastEventId");
    }

    private double closed(String reason) {
        return meters.get("cascade.live.streams.closed")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asString();
    }
}

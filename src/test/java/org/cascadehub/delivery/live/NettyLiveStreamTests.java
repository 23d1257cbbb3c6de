package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.support.TestHttp.bearer;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cascadehub.CascadeTest;
import org.cascadehub.delivery.live.Streams.Member;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.UrgentWork;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live stream on its own Netty port: the same stream, access rules, replay and queue bound as
 * on the servlet path, over real sockets. The API (publishing, tokens) stays on the main port.
 */
@CascadeTest
@Import(Streams.class)
@TestPropertySource(properties = {"cascade.live.stream-port=0", "cascade.delivery.live.queue-frames=16"})
class NettyLiveStreamTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    LiveStreamServer server;

    @Autowired
    LiveGateway gateway;

    @Autowired
    Streams streams;

    @Autowired
    People people;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    @Autowired
    UrgentWork urgent;

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
    void listensOnAPortOfItsOwn() {
        assertThat(server.port()).isPositive().isNotEqualTo(port);
    }

    @Test
    void aRecipientReceivesAnAlertPublishedThroughTheApiAndANonRecipientDoesNot() {
        try (SseClient recipient = open("Authorization", security)) {
            assertThat(recipient.status()).isEqualTo(200);
            assertThat(recipient.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(recipient.header("X-Accel-Buffering")).hasValue("no");
            assertThat(recipient.header("Cache-Control")).hasValue("no-cache");
            assertThat(recipient.next().field("retry")).contains("3000");

            long elsewhere = publish("Netty: closure in Bromley", "bromley");
            long id = publish("Netty: cordon on the Strand", "westminster");

            List<SseClient.Block> events = recipient.eventsUntil("Netty: cordon on the Strand");
            assertThat(events).noneMatch(e -> e.data().contains("\"alertId\":" + elsewhere + ","));
            SseClient.Block alert = events.getLast();
            assertThat(alert.field("event")).hasValue("alert");
            assertThat(json.readTree(alert.data()).get("alertId").asLong()).isEqualTo(id);
            assertThat(alert.id())
                    .isEqualTo(json.readTree(alert.data()).get("seq").asLong());
        }
        // each broadcast counts as urgent work only until it has been written
        await().atMost(Duration.ofSeconds(10)).until(() -> urgent.awaitQuiet(Duration.ZERO));
    }

    @Test
    void aReconnectingClientIsSentWhatItMissedOnceInOrder() {
        long before;
        try (SseClient first = open("Authorization", security)) {
            publish("Netty replay: first", "westminster");
            before = first.eventsUntil("Netty replay: first").getLast().id();
        }
        long second = publish("Netty replay: second", "westminster");
        long third = publish("Netty replay: third", "westminster");

        try (SseClient again = open("Authorization", security, "Last-Event-ID", Long.toString(before))) {
            List<SseClient.Block> missed = again.eventsUntil("Netty replay: third");
            List<Long> alertIds = missed.stream()
                    .map(b -> json.readTree(b.data()).get("alertId").asLong())
                    .toList();
            assertThat(alertIds).containsSubsequence(second, third).doesNotHaveDuplicates();
            assertThat(missed.stream().map(SseClient.Block::id).toList())
                    .isSorted()
                    .allMatch(seq -> seq > before);
        }
    }

    @Test
    void aMissingOrBadTokenIsRefusedAsTheApiRefusesIt() throws Exception {
        HttpResponse<String> missing = get("/api/v1/stream");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(missing.body()).get("status").asInt()).isEqualTo(401);

        HttpResponse<String> bad = get("/api/v1/stream", "Authorization", "Bearer cas_not-a-token");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(json.readTree(bad.body()).get("detail").asString()).contains("not valid");

        HttpResponse<String> cookie = get("/api/v1/stream", "Cookie", "SESSION=whatever");
        assertThat(cookie.statusCode()).as("no sessions on this port").isEqualTo(401);
    }

    @Test
    void aMalformedLastEventIdIsABadRequestNamingIt() throws Exception {
        HttpResponse<String> answer = get("/api/v1/stream", "Authorization", security, "Last-Event-ID", "yesterday");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("Last-Event-ID");
    }

    @Test
    void onlyTheStreamIsServedHere() throws Exception {
        assertThat(get("/api/v1/alerts", "Authorization", security).statusCode())
                .isEqualTo(404);
        assertThat(get("/", "Authorization", security).statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(uri("/api/v1/stream"))
                        .header("Authorization", security)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aSuspendedPersonsStreamIsClosedAndCannotBeOpenedAgain() {
        Member ada = streams.member();
        Member bo = streams.member();
        try (SseClient adaStream = open("Authorization", bearer(ada.token()));
                SseClient boStream = open("Authorization", bearer(bo.token()))) {
            assertThat(adaStream.status()).isEqualTo(200);
            assertThat(boStream.status()).isEqualTo(200);
            await().until(() -> gateway.connected(ada.id()) && gateway.connected(bo.id()));

            people.setSuspended(administrator(), ada.id(), true);

            assertThat(adaStream.ends())
                    .as("the suspended person's stream ends")
                    .isTrue();
            assertThat(gateway.connected(ada.id())).isFalse();
            try (SseClient again = open("Authorization", bearer(ada.token()))) {
                assertThat(again.status()).isEqualTo(401);
            }
            gateway.broadcast(LiveEvent.unsequenced(
                    "notice", "{\"text\":\"others unaffected\"}".getBytes(StandardCharsets.UTF_8), Set.of(bo.id())));
            assertThat(boStream.nextEvent().data()).contains("others unaffected");
        }
    }

    @Test
    void aRevokedTokenOpensNoMoreStreamsOnceRevoked() {
        Member ada = streams.member();
        String id = http.get("/api/v1/tokens", "Authorization", bearer(ada.token()))
                .json()
                .get(0)
                .get("id")
                .asString();
        try (SseClient first = open("Authorization", bearer(ada.token()))) {
            assertThat(first.status()).as("checked and held").isEqualTo(200);
        }

        assertThat(http.delete("/api/v1/tokens/" + id, "Authorization", bearer(ada.token()))
                        .status())
                .isEqualTo(204);

        try (SseClient again = open("Authorization", bearer(ada.token()))) {
            assertThat(again.status()).isEqualTo(401);
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Member ada = streams.member();
        String token = insertToken(ada, Instant.now().minusSeconds(60));

        HttpResponse<String> answer = get("/api/v1/stream", "Authorization", bearer(token));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenOnlyTheDatabaseKnowsOpensAStream() throws Exception {
        Member ada = streams.member();
        String token = insertToken(ada, Instant.now().plusSeconds(3600));

        try (SseClient stream = open("Authorization", bearer(token))) {
            assertThat(stream.status())
                    .as("read from the database off the event loop")
                    .isEqualTo(200);
            assertThat(stream.next().field("retry")).contains("3000");
        }
    }

    @Test
    void aSuspendedOrganisationsMembersAreRefusedAndAcceptedOnceItIsReinstated() {
        Member ada = streams.member();
        try (SseClient first = open("Authorization", bearer(ada.token()))) {
            assertThat(first.status()).isEqualTo(200);
        }
        var organisation = people.findById(ada.id()).orElseThrow().organisationId();

        organisations.setSuspended(administrator(), organisation, true, "Vetting lapsed");
        try (SseClient refused = open("Authorization", bearer(ada.token()))) {
            assertThat(refused.status()).isEqualTo(401);
        }

        organisations.setSuspended(administrator(), organisation, false, null);
        try (SseClient again = open("Authorization", bearer(ada.token()))) {
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void eachStreamHasASmallFixedKernelSendBufferNotOneThatGrows() {
        Member member = streams.member();
        try (SseClient client = open("Authorization", bearer(member.token()))) {
            assertThat(client.status()).isEqualTo(200);
            await().until(() -> gateway.connected(member.id()));

            assertThat(gateway.streamsOf(member.id()))
                    .singleElement()
                    .extracting(stream -> ((NettyConnection) stream).sendBuffer())
                    // Linux keeps twice what is asked for its own bookkeeping; epoll reports that,
                    // NIO what was asked. Left alone the kernel starts at 16 KB and grows it to MBs.
                    .as("cascade.live.send-buffer")
                    .isIn(32 * 1024, 2 * 32 * 1024);
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedAtTheQueueBoundWhileOthersKeepReceiving() throws IOException {
        Member stuck = streams.member();
        Member reader = streams.member();
        double slowBefore = slowClosed();
        try (Socket socket = new Socket();
                SseClient reading = open("Authorization", bearer(reader.token()))) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                            + "Authorization: " + bearer(stuck.token()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            assertThat(reading.status()).isEqualTo(200);
            await().until(() -> gateway.connected(stuck.id()) && gateway.connected(reader.id()));

            byte[] padding = new byte[128 * 1024];
            Arrays.fill(padding, (byte) 'x');
            for (int i = 0; i < 200 && gateway.connected(stuck.id()); i++) {
                byte[] body = ("{\"n\":" + i + ",\"pad\":\"" + new String(padding, StandardCharsets.US_ASCII) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                gateway.broadcast(LiveEvent.unsequenced("notice", body, Set.of(stuck.id(), reader.id())));
                assertThat(reading.nextEvent().data()).startsWith("{\"n\":" + i + ",");
            }

            await().untilAsserted(() -> assertThat(gateway.connected(stuck.id()))
                    .as("the stuck client is closed")
                    .isFalse());
            assertThat(slowClosed()).isGreaterThan(slowBefore);
            gateway.broadcast(LiveEvent.unsequenced(
                    "notice", "{\"text\":\"still here\"}".getBytes(StandardCharsets.UTF_8), Set.of(reader.id())));
            assertThat(reading.nextEvent().data()).contains("still here");
        }
    }

    @Test
    void stoppingTheServerEndsItsStreamsAndStartingItAgainServesThem() {
        Member ada = streams.member();
        double before = closed("shutdown");
        try (SseClient stream = open("Authorization", bearer(ada.token()))) {
            assertThat(stream.status()).isEqualTo(200);
            await().until(() -> gateway.connected(ada.id()));

            server.stop();
            try {
                assertThat(stream.ends()).as("the stream is ended for shutdown").isTrue();
                assertThat(gateway.connected(ada.id())).isFalse();
                assertThat(closed("shutdown")).isGreaterThan(before);
            } finally {
                server.start();
            }
        }
        try (SseClient again = open("Authorization", bearer(ada.token()))) {
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.next().field("retry")).contains("3000");
        }
    }

    /** A token written straight into the database, as another node would, without telling this one. */
    private String insertToken(Member member, Instant expiresAt) throws Exception {
        String token = "cas_direct-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO api_token (id, person_id, token_hash, label, created_at, expires_at)
                VALUES (?, ?, ?, 'elsewhere', ?, ?)
                """)
                .params(
                        UUID.randomUUID(),
                        member.id().value(),
                        MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)),
                        Timestamp.from(expiresAt.minusSeconds(7200)),
                        Timestamp.from(expiresAt))
                .update();
        return token;
    }

    private double slowClosed() {
        return closed("slow");
    }

    private double closed(String reason) {
        return meters.get("cascade.live.streams.closed")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private SseClient open(String... headers) {
        return SseClient.open(server.port(), "/api/v1/stream", headers);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private long publish(String headline, String borough) {
        return http.publishAlert(AlertStreamTests.DRAFT.formatted(headline, "GREEN", borough), police);
    }

    private Viewer administrator() {
        return people.viewer(people.findByEmail("admin@demo.test").orElseThrow().id())
                .orElseThrow();
    }
}

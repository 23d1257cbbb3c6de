package org.cascadehub.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in SMS gateway for demo mode and tests: a small HTTP server on a free loopback port that
 * takes what the HTTP gateway client sends, keeps the latest messages, and sends replies into
 * Cascade signed as a real gateway would. In demo mode the application runs one (a bean); any
 * module's tests may use it or start their own. Its API:
 *
 * <ul>
 *   <li>{@code POST /messages} with {@code Authorization: Bearer <key>} and {@code {"to","text","reference"}}:
 *       202; 401 with a wrong key; 400 without the fields; 503 while told to fail
 *   <li>{@code GET /messages}: the messages kept (the newest {@value #KEPT}), oldest first, as JSON
 *   <li>{@code POST /replies} with {@code {"from","text"}}: sent on to Cascade's inbound endpoint,
 *       signed; answers with Cascade's status
 * </ul>
 */
public final class SmsStandIn implements AutoCloseable {

    public static final int KEPT = 1_000;

    /** A message the stand-in accepted. */
    public record Received(long id, String to, String text, String reference, Instant at) {}

    private final HttpServer server;
    private final ExecutorService threads;
    private final String key;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Deque<Received> received = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile @Nullable URI cascadeInbound;

    private SmsStandIn(String key, JsonMapper json, Clock clock) throws IOException {
        this.key = key;
        this.json = json;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/messages", this::messages);
        server.createContext("/replies", this::replies);
    }

    /** Starts a stand-in on a free loopback port that expects (and signs with) {@code key}. */
    public static SmsStandIn start(String key, JsonMapper json, Clock clock) {
        try {
            SmsStandIn standIn = new SmsStandIn(key, json, clock);
            standIn.server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the stand-in SMS gateway", e);
        }
    }

    /** Where to send messages: the gateway URL to configure. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    public String key() {
        return key;
    }

    /** The messages kept, oldest first. */
    public List<Received> messages() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> messagesTo(String to) {
        return messages().stream().filter(m -> m.to().equals(to)).toList();
    }

    /** Answers the next {@code count} messages with 503, as a gateway having trouble would. */
    public void failNext(int count) {
        failures.set(count);
    }

    /** Where replies go: Cascade's inbound endpoint. */
    public void replyTo(URI inbound) {
        this.cascadeInbound = inbound;
    }

    /** Sends a reply into Cascade as if {@code from} had texted it; answers Cascade's HTTP status. */
    public int reply(String from, String text) {
        URI inbound = cascadeInbound;
        if (inbound == null) {
            throw new IllegalStateException("the stand-in does not know where Cascade is yet");
        }
        byte[] body = json.writeValueAsBytes(Map.of("from", from, "text", text));
        try {
            return client.send(
                            HttpRequest.newBuilder(inbound)
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .header(SmsReplies.SIGNATURE_HEADER, Hmac.sha256Hex(key, body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/messages")) {
                answer(exchange, 404, Map.of("error", "not found"));
            } else if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, messages());
            } else if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("error", "GET or POST"));
            } else if (!("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, Map.of("error", "wrong or missing key"));
            } else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, Map.of("error", "the stand-in was told to fail"));
            } else {
                accept(exchange);
            }
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        JsonNode message = read(exchange);
        String to = text(message, "to");
        String text = text(message, "text");
        String reference = text(message, "reference");
        if (to == null || text == null || reference == null) {
            answer(exchange, 400, Map.of("error", "to, text and reference are required"));
            return;
        }
        Received accepted = new Received(ids.incrementAndGet(), to, text, reference, clock.instant());
        synchronized (received) {
            received.addLast(accepted);
            while (received.size() > KEPT) {
                received.removeFirst();
            }
        }
        answer(exchange, 202, Map.of("id", "stand-in-" + accepted.id()));
    }

    private void replies(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("error", "POST"));
                return;
            }
            JsonNode reply = read(exchange);
            String from = text(reply, "from");
            String text = text(reply, "text");
            if (from == null || text == null) {
                answer(exchange, 400, Map.of("error", "from and text are required"));
                return;
            }
            answer(exchange, 200, Map.of("cascadeStatus", reply(from, text)));
        }
    }

    private JsonNode read(HttpExchange exchange) throws IOException {
        try {
            return json.readTree(exchange.getRequestBody().readAllBytes());
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}

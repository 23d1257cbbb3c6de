package org.cascadehub.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint for tests: a real HTTP server on loopback that checks each
 * delivery's signature the way docs/delivery.md tells partners to (its own HMAC code, not
 * Cascade's), records what came, and answers as told: with queued statuses, 200 after them, or by
 * holding every request open until released.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether its signature was good. */
    record Delivery(String event, String deliveryId, String signature, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final String path = "/hook/" + java.util.UUID.randomUUID();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String secret = "";
    private volatile boolean hang;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext(path, this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The subscription's secret, once Cascade has made it. */
    void secret(String secret) {
        this.secret = secret;
    }

    /** The secret signatures are checked with. */
    String secret() {
        return secret;
    }

    /** Answers the next requests with these statuses, then 200. */
    void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** Holds every request open, unanswered, until {@link #close}. */
    void hang() {
        hang = true;
    }

    /** Requests being held open right now. */
    int held() {
        return held.get();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String signature = header(exchange, "Cascade-Signature");
            deliveries.add(new Delivery(
                    header(exchange, "Cascade-Event"),
                    header(exchange, "Cascade-Delivery"),
                    signature,
                    body,
                    "application/json".equals(header(exchange, "Content-Type")) && verify(signature, body)));
            if (hang) {
                held.incrementAndGet();
                try {
                    release.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    held.decrementAndGet();
                }
            }
            Integer status = statuses.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        }
    }

    /** The check docs/delivery.md describes: HMAC-SHA256 of "t.body" under the secret, in hex. */
    private boolean verify(String header, String body) {
        String timestamp = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (timestamp == null || v1 == null) {
            return false;
        }
        long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return age <= 300 && MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
        } catch (Exception e) {
            return false;
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.close();
    }
}

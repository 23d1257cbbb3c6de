package org.cascadehub.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One person's live stream ({@code /api/v1/stream}) read line by line, for tests. */
final class LiveLines implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;

    private LiveLines(Stream<String> body) {
        this.body = body;
        Thread.ofVirtual().start(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                lines.add("(stream ended)");
            }
        });
    }

    static LiveLines open(int port, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
                .header("Authorization", bearer)
                .GET()
                .build();
        HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new AssertionError("the stream answered " + response.statusCode());
        }
        LiveLines live = new LiveLines(response.body());
        live.until("retry:"); // the stream is registered once it has said hello
        return live;
    }

    /** Reads until a line contains {@code text}; answers that line, or fails after {@link #WAIT}. */
    String until(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line with '" + text + "' within " + WAIT);
            }
            if (line.contains(text)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        body.close();
    }
}

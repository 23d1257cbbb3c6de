package org.cascadehub.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Publishes through Cascade's production API as the police demo account: a Minor, TLP:GREEN
 * alert for every borough (no approval needed) is drafted untimed, then its publish request is
 * what the clock measures. The description is padded so the stream's payload reaches the size
 * asked for, after the warm-up shows how big the rest of the JSON is.
 */
final class CascadePublisher implements Publisher {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final String token;
    private final String boroughs;
    private final int payloadBytes;
    private int padding = 1;

    CascadePublisher(URI base, String token, List<String> boroughs, int payloadBytes) {
        this.base = base;
        this.token = token;
        this.boroughs = boroughs.stream().map(b -> "\"" + b + "\"").collect(Collectors.joining(","));
        this.payloadBytes = payloadBytes;
    }

    @Override
    public long prepare(int number) throws IOException {
        String draft = """
                {"headline":"Load test %d","description":"%s","category":"Security","urgency":"Immediate",
                "severity":"Minor","certainty":"Observed","tlp":"GREEN","area":{"boroughs":[%s]},
                "expiresInMinutes":60}"""
                .formatted(number, "x".repeat(padding), boroughs);
        String answer = post("/api/v1/alerts", draft, 201);
        Matcher id = ID.matcher(answer);
        if (!id.find()) {
            throw new IOException("the draft's answer has no id: " + answer);
        }
        return Long.parseLong(id.group(1));
    }

    @Override
    public void publish(long alertId) throws IOException {
        post("/api/v1/alerts/" + alertId + "/publish", "", 200);
    }

    @Override
    public void calibrate(int observedPayloadBytes) {
        padding = Math.max(1, padding + payloadBytes - observedPayloadBytes);
    }

    private String post(String path, String body, int expected) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

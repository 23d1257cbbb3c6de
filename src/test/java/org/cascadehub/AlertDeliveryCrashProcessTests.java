package org.cascadehub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.cascadehub.process.CascadeProcess;
import org.cascadehub.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published alert is never lost: the process is killed with SIGKILL the moment the author is told
 * "published", while the mail server is down; after a restart every recipient's screen gets it
 * once (on reconnect, from the database) and its email is sent.
 */
class AlertDeliveryCrashProcessTests {

    private static final Duration START = CascadeProcess.START_TIMEOUT;
    private static final JsonMapper json = JsonMapper.builder().build();

    @RegisterExtension
    final CascadeProcess.Launcher launcher = new CascadeProcess.Launcher();

    @Test
    void anAlertKilledRightAfterPublicationReachesScreenAndInboxAfterRestart() throws Exception {
        Path data = launcher.directory().resolve("postgres");
        int port = CascadeProcess.freePort();
        int smtp = CascadeProcess.freePort();
        Map<String, String> env = Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(smtp),
                "CASCADE_DELIVERY_EMAILFIRSTRETRY", "PT1S");
        List<String> args = List.of("--cascade.demo.database-directory=" + data);

        CascadeProcess first = launcher.start(port, env, args);
        first.awaitReady(START);
        String police = token(first, "police@demo.test");
        String security = token(first, "security@demo.test");
        long lastSeen = json.readTree(get(first, "/api/v1/alerts?status=PUBLISHED&size=1", security)
                        .body())
                .get("items")
                .valueStream()
                .mapToLong(a -> a.get("seq").asLong())
                .max()
                .orElse(0);

        JsonNode draft =
                json.readTree(post(first, "/api/v1/alerts", police, """
                {"headline": "Crash test: suspicious vehicle on the Strand", "category": "Security",
                 "urgency": "Immediate", "severity": "Minor", "certainty": "Observed", "tlp": "GREEN",
                 "area": {"boroughs": ["westminster"]}, "expiresInMinutes": 60}
                """).body());
        HttpResponse<String> published =
                post(first, "/api/v1/alerts/" + draft.get("id").asLong() + "/publish", police, "");
        first.kill();
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        long id = json.readTree(published.body()).get("id").asLong();

        GreenMail mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            CascadeProcess second = launcher.start(port, env, args);
            second.awaitReady(START);

            List<JsonNode> events = alertsOnStream(second, security, lastSeen, id);
            assertThat(events.stream().filter(e -> e.get("alertId").asLong() == id))
                    .as("shown once on screen after reconnecting")
                    .hasSize(1);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> TestMail.messagesTo(mail, "security@demo.test").stream()
                            .anyMatch(m -> m.contains("/alerts/" + id)));
        } finally {
            mail.stop();
        }
    }

    /** Reads the stream from {@code lastEventId} until the alert arrives; answers the alert events seen. */
    private static List<JsonNode> alertsOnStream(CascadeProcess cascade, String token, long lastEventId, long until)
            throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> seen = new CompletableFuture<>();
        HttpRequest request = HttpRequest.newBuilder(cascade.uri("/api/v1/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Last-Event-ID", Long.toString(lastEventId))
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            List<String> block = new ArrayList<>();
            stream.body().forEach(line -> {
                if (!line.isEmpty()) {
                    block.add(line);
                    return;
                }
                block.stream().filter(l -> l.startsWith("data:")).findFirst().ifPresent(data -> {
                    JsonNode event = json.readTree(data.substring(5).strip());
                    if (event.has("alertId")) {
                        events.add(event);
                        if (event.get("alertId").asLong() == until) {
                            seen.complete(null);
                        }
                    }
                });
                block.clear();
            });
        });
        try {
            seen.get(60, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(1000); // a duplicate, were there one, would follow at once
            return List.copyOf(events);
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }

    private static String token(CascadeProcess cascade, String email) {
        HttpResponse<String> response =
                post(cascade, "/api/v1/tokens", null, "{\"email\":\"" + email + "\",\"password\":\"demo-password\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("token").asString();
    }

    private static HttpResponse<String> get(CascadeProcess cascade, String path, String token) {
        return cascade.send(HttpRequest.newBuilder(cascade.uri(path)).header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> post(CascadeProcess cascade, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(cascade.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return cascade.send(request);
    }
}

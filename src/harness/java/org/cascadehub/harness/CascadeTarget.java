package org.cascadehub.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cascade as a system under test: started as a child JVM in demo mode on a fresh temporary data
 * directory with N generated people, or a running one reached by URL and JDBC URL. Streams are
 * opened for people an all-boroughs alert for everyone reaches, with API tokens written straight
 * into the database ({@link StreamTokens}); alerts are published through the production API by the
 * police demo account. When {@code /api/v1/stream} answers 404 the target is {@link Missing}.
 */
final class CascadeTarget implements Target {

    static final String STREAM = "/api/v1/stream";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    /** The build has no stream endpoint yet: the Cascade row is skipped, saying so. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    /** Where streams are opened: the main port (servlet) or Cascade's stream port (Netty). */
    private final URI stream;
    private final long pid;
    private final ChildProcess process;
    private final Path dataDirectory;
    private final Map<String, String> clientSettings = new HashMap<>();
    private String note = "";

    private CascadeTarget(URI base, URI stream, long pid, ChildProcess process, Path dataDirectory) {
        this.base = base;
        this.stream = stream;
        this.pid = pid;
        this.process = process;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Which server the streams are opened on ({@code harness.cascade.transport}): {@code netty}
     * (Cascade's stream port, {@code cascade.live.stream-port}) or {@code servlet} (the main port).
     */
    static String transport() {
        String transport = System.getProperty("harness.cascade.transport", "netty");
        if (!transport.equals("netty") && !transport.equals("servlet")) {
            throw new IllegalArgumentException("harness.cascade.transport: " + transport + " is not netty or servlet");
        }
        return transport;
    }

    /** Starts Cascade in demo mode with {@code people} generated people and prepares n streams. */
    static CascadeTarget start(
            Path work,
            String classpath,
            List<String> jvmArguments,
            List<String> arguments,
            int people,
            int n,
            Duration timeout) {
        int port = ChildProcess.freePort();
        boolean netty = transport().equals("netty");
        int streamPort = netty ? ChildProcess.freePort() : port;
        Path data = work.resolve("cascade-postgres");
        Path temporary = work.resolve("cascade-tmp");
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        command.addAll(jvmArguments);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + temporary,
                // PostgreSQL's binaries are unpacked once per machine, as the tests do.
                "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                "-cp",
                classpath,
                "org.cascadehub.CascadeApplication",
                "--server.port=" + port,
                "--cascade.demo.database-directory=" + data,
                "--cascade.demo.generate.people=" + people));
        if (netty) {
            command.add("--cascade.live.stream-port=" + streamPort);
        }
        command.addAll(arguments);
        ChildProcess process = ChildProcess.start("cascade", command, work.resolve("cascade.log"));
        CascadeTarget target = new CascadeTarget(
                URI.create("http://127.0.0.1:" + port),
                URI.create("http://127.0.0.1:" + streamPort),
                process.pid(),
                process,
                data);
        try {
            target.awaitReady(timeout);
            target.prepare(n, StreamTokens.jdbcUrlFromDataDirectory(data), false);
            target.note = "started here, streams on " + (netty ? "the Netty port" : "the servlet port")
                    + ", JVM " + String.join(" ", jvmArguments)
                    + (arguments.isEmpty() ? "" : ", arguments " + String.join(" ", arguments));
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /**
     * A Cascade already running, whose database the harness may write tokens into; streams go to
     * {@code harness.cascade.streamPort} when it is set (its Netty port), else to the main port.
     */
    static CascadeTarget attach(URI base, String jdbcUrl, long pid, int n) {
        String streamPort = System.getProperty("harness.cascade.streamPort", "");
        URI stream = streamPort.isBlank()
                ? base
                : URI.create("http://" + base.getHost() + ":" + Integer.parseInt(streamPort.trim()));
        CascadeTarget target = new CascadeTarget(base, stream, pid, null, null);
        target.prepare(n, jdbcUrl, true);
        target.note = "running at " + base;
        return target;
    }

    /**
     * Finds the boroughs and writes tokens for the people the run's alerts reach. A directory the
     * harness generated holds only people an all-boroughs alert reaches; a running Cascade's may
     * hold others (in the test context, other tests' people), so with {@code probe} one alert is
     * published first and the tokens go to its recipients, as Cascade itself chose them.
     */
    private void prepare(int n, String jdbcUrl, boolean probe) {
        String police = policeToken();
        requireStream(police);
        List<String> boroughs = new ArrayList<>();
        Matcher codes = CODE.matcher(get("/api/v1/boroughs", police));
        while (codes.find()) {
            boroughs.add(codes.group(1));
        }
        Long probeAlert = probe ? probeAlert(police, boroughs) : null;
        StreamTokens.Issued issued = StreamTokens.issue(jdbcUrl, n, probeAlert);
        if (issued.people() < n) {
            note += " " + n + " streams over " + issued.people() + " recipients;";
        }
        clientSettings.putAll(Map.of(
                "protocol", "sse",
                "host", stream.getHost(),
                "port", Integer.toString(stream.getPort()),
                "path", STREAM,
                "publisher", "cascade",
                "publisherPort", Integer.toString(base.getPort()),
                "publisherToken", police,
                "boroughs", String.join(",", boroughs),
                "tokensFile", issued.file().toString()));
    }

    private long probeAlert(String police, List<String> boroughs) {
        try (CascadePublisher publisher = new CascadePublisher(base, police, boroughs, 0)) {
            long alert = publisher.prepare(0);
            publisher.publish(alert);
            return alert;
        } catch (IOException e) {
            throw new UncheckedIOException("the probe alert could not be published", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status("/actuator/health/readiness") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Cascade did not become ready" + process.tail());
            }
            ChildProcess.pause(500);
        }
    }

    private String policeToken() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"police@demo.test\",\"password\":\"demo-password\"}"))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("police@demo.test could not get a token: " + response.statusCode() + " "
                    + response.body());
        }
        return token.group(1);
    }

    /** Opens the stream once and reads only its status. */
    private void requireStream(String token) {
        HttpRequest request = HttpRequest.newBuilder(stream.resolve(STREAM))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new Missing("GET " + STREAM + " answered 404: this build of Cascade has no live stream yet");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + STREAM + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            // closing the stream early
        }
    }

    private String get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "cascade";
    }

    @Override
    public Map<String, String> clientSettings() {
        return clientSettings;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public void close() {
        http.close();
        if (process != null) {
            process.close();
            StreamTokens.stopPostgres(dataDirectory);
        }
    }
}

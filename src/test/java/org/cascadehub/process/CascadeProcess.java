package org.cascadehub.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application running as a separate JVM, started the way a user starts it, so that tests can
 * kill it with SIGKILL, watch it fail and read what it printed. Every wait is bounded.
 *
 * <p>Processes are started through a {@link Launcher} registered as a JUnit extension: it gives
 * each test its own directory (working directory, temporary directory and default database
 * directory of every process it starts) and, after the test, kills whatever is still running and
 * stops any PostgreSQL left serving a data directory inside it.
 */
public final class CascadeProcess {

    /** Starts are slow on a small machine; this is a ceiling, not an expectation. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static final Duration POLL = Duration.ofMillis(25);
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path output;
    private final int port;

    private CascadeProcess(String name, Process process, Path output, int port) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** The port it was told to listen on. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it has written to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> outputLines() {
        return output().lines().toList();
    }

    /** Waits for a line of output containing the text; fails if the process ends first. */
    public String awaitLine(String text, Duration timeout) {
        return awaitLine(line -> line.contains(text), "a line containing '" + text + "'", timeout);
    }

    public String awaitLine(Predicate<String> line, String description, Duration timeout) {
        long deadline = deadline(timeout);
        while (true) {
            Optional<String> found = outputLines().stream().filter(line).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw failure("ended (exit code " + process.exitValue() + ") before printing " + description);
            }
            if (System.nanoTime() > deadline) {
                throw failure("printed no " + description + " within " + timeout);
            }
            pause();
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    public void awaitReady(Duration timeout) {
        URI readiness = uri("/actuator/health/readiness");
        await(
                () -> {
                    if (!process.isAlive()) {
                        throw failure("ended (exit code " + process.exitValue() + ") before becoming ready");
                    }
                    return isOk(readiness);
                },
                "did not become ready within " + timeout,
                timeout);
    }

    /** Waits until a child process (PostgreSQL, initdb) whose command line matches is running. */
    public ProcessHandle awaitDescendant(Predicate<String> commandLine, String description, Duration timeout) {
        long deadline = deadline(timeout);
        while (true) {
            Optional<ProcessHandle> found = process.descendants()
                    .filter(p -> p.info().commandLine().filter(commandLine).isPresent())
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw failure("ended before starting " + description);
            }
            if (System.nanoTime() > deadline) {
                throw failure("did not start " + description + " within " + timeout);
            }
            sleep(Duration.ofMillis(5));
        }
    }

    /** Waits for it to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw failure("was still running after " + timeout);
        }
        return process.exitValue();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hooks run, child processes are left behind. */
    public void kill() {
        process.destroyForcibly();
        if (!waitFor(Duration.ofSeconds(30))) {
            throw failure("survived SIGKILL for 30 s");
        }
    }

    /**
     * SIGKILL to it and every process it started, as when the machine loses power or the whole
     * process group is killed: nothing, not even initdb or PostgreSQL, finishes what it was doing.
     */
    public void killWithDescendants() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        kill();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw failure("child " + child.pid() + " survived SIGKILL: " + e);
            }
        }
    }

    /** SIGTERM, as a service manager stops it: waits for the graceful shutdown, returns the exit code. */
    public int stop(Duration timeout) {
        process.destroy();
        if (!waitFor(timeout)) {
            process.destroyForcibly();
            throw failure("did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends a request with a short timeout; the body is read as a string. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isOk(URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private AssertionError failure(String what) {
        return new AssertionError(name + " (pid " + process.pid() + ") " + what + "\n" + tail(60));
    }

    /** The last lines of output, for failure messages. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return "---- last output of " + name + " (" + output + ") ----\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** A port nobody is listening on at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live processes whose command line mentions the path, such as a PostgreSQL serving a directory in it. */
    public static List<ProcessHandle> processesMentioning(Path path) {
        String text = path.toString();
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().filter(c -> c.contains(text)).isPresent())
                .toList();
    }

    private static void await(BooleanSupplier condition, String failure, Duration timeout) {
        long deadline = deadline(timeout);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static void pause() {
        sleep(POLL);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts processes for one test and cleans up after it. Register it with
     * {@code @RegisterExtension}; it must not be static (it belongs to one test at a time).
     */
    public static final class Launcher implements AfterEachCallback {

        private static final List<String> INHERITED_SETTINGS_TO_DROP =
                List.of("CASCADE_DB_URL", "CASCADE_DB_USER", "CASCADE_DB_PASSWORD", "CASCADE_PORT");

        private final List<CascadeProcess> started = new ArrayList<>();
        private Path directory;

        /** This test's directory: every process's working and temporary directory. */
        public Path directory() {
            if (directory == null) {
                try {
                    directory = Files.createTempDirectory("cascade-process-").toRealPath();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return directory;
        }

        /**
         * Starts the application in demo mode on the port, with its database in {@code
         * databaseDirectory}, plus any further arguments.
         */
        public CascadeProcess startDemo(int port, Path databaseDirectory, String... arguments) {
            List<String> all = new ArrayList<>(List.of("--cascade.demo.database-directory=" + databaseDirectory));
            all.addAll(List.of(arguments));
            return start(port, Map.of(), all);
        }

        /** Starts the application with these environment variables and arguments. */
        public CascadeProcess start(int port, Map<String, String> environment, List<String> arguments) {
            Path work = directory();
            String name = "cascade-" + (started.size() + 1);
            Path output = work.resolve(name + ".out");
            Path temporary = work.resolve("tmp");
            try {
                Files.createDirectories(temporary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xmx768m",
                    "-XX:TieredStopAtLevel=1",
                    "-Djava.io.tmpdir=" + temporary,
                    // PostgreSQL's binaries are unpacked once per machine, not once per test.
                    "-Dot.epg.working-dir=" + Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "org.cascadehub.CascadeApplication",
                    "--server.port=" + port));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            INHERITED_SETTINGS_TO_DROP.forEach(env::remove);
            env.putAll(environment);
            try {
                CascadeProcess process = new CascadeProcess(name, builder.start(), output, port);
                started.add(process);
                return process;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (context.getExecutionException().isPresent()) {
                started.forEach(p -> System.out.println(p.tail(200)));
            }
            for (CascadeProcess process : started) {
                if (process.isAlive()) {
                    process.process.destroyForcibly();
                    process.waitFor(Duration.ofSeconds(30));
                }
            }
            if (directory != null) {
                stopPostgres(directory);
                deleteQuietly(directory);
            }
            started.clear();
            directory = null;
        }

        private static String javaBinary() {
            return ProcessHandle.current()
                    .info()
                    .command()
                    .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
        }

        /**
         * Stops every PostgreSQL still serving a data directory inside the test's directory, as a
         * SIGKILLed application leaves them: found by their pid files, checked by their command line.
         */
        private static void stopPostgres(Path directory) {
            List<Path> pidFiles;
            try (Stream<Path> files = Files.walk(directory, 6)) {
                pidFiles = files.filter(p -> p.getFileName().toString().equals("postmaster.pid"))
                        .toList();
            } catch (IOException | UncheckedIOException e) {
                pidFiles = List.of();
            }
            for (Path pidFile : pidFiles) {
                postmaster(pidFile).ifPresent(postmaster -> {
                    postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown.
                    try {
                        postmaster.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                        postmaster.destroyForcibly();
                    }
                });
            }
        }

        private static Optional<ProcessHandle> postmaster(Path pidFile) {
            try {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.size() < 2) {
                    return Optional.empty();
                }
                long pid = Long.parseLong(lines.get(0).trim());
                String dataDirectory = lines.get(1).trim();
                return ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info()
                                .commandLine()
                                .filter(c -> c.contains("postgres") && c.contains(dataDirectory))
                                .isPresent());
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static void deleteQuietly(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Best effort: it is in the temporary directory.
            }
        }
    }
}

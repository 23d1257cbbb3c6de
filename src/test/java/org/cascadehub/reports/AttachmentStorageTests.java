package org.cascadehub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.cascadehub.CascadeTest;
import org.cascadehub.access.Credentials;
import org.cascadehub.directory.Organisations;
import org.cascadehub.directory.People;
import org.cascadehub.directory.SharingGroups;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.ReportCast.Part;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The file and its row are kept together: a failure leaves neither, and a purged report leaves no files. */
@CascadeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentStorageTests {

    @Autowired
    Organisations organisations;

    @Autowired
    People people;

    @Autowired
    Credentials credentials;

    @Autowired
    SharingGroups groups;

    @Autowired
    ReportSubmission submission;

    @Autowired
    ReportAttachments attachments;

    @Autowired
    AttachmentStore store;

    @Autowired
    AttachmentFiles files;

    @Autowired
    ReportRetention retention;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private ReportCast cast;

    @BeforeAll
    void cast() {
        cast = new ReportCast(organisations, people, credentials, groups, submission);
    }

    @Test
    void aStoredFileIsThereWholeUnderARandomNameOutsideTheApplication() throws IOException {
        Report report = cast.report("AMBER", false);
        byte[] jpeg = TestFiles.jpeg(16, 16);

        Attachment attachment = attachments.add(reporter(), report.id(), "../../etc/passwd.jpg", jpeg);

        assertThat(storedFiles(report)).containsExactly(attachment.id().toString());
        assertThat(attachment.name()).isEqualTo("passwd.jpg");
        assertThat(files.root().toString()).doesNotContain("classes", "static");
        try (InputStream stored = files.open(report.id(), attachment.id())) {
            byte[] bytes = stored.readAllBytes();
            assertThat(bytes).hasSize((int) attachment.size());
            assertThat(java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(bytes)))
                    .isEqualTo(attachment.sha256());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailureAfterTheFileWasWrittenLeavesNeitherTheRowNorTheFile() {
        Report report = cast.report("AMBER", false);
        Viewer reporter = reporter();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    Attachment attachment = attachments.add(reporter, report.id(), "a.jpg", TestFiles.jpeg(16, 16));
                    assertThat(files.exists(report.id(), attachment.id()))
                            .as("written before the failure")
                            .isTrue();
                    throw new IllegalStateException("the transaction fails after the file was written");
                }))
                .hasMessageContaining("after the file was written");

        assertThat(rows(report)).isZero();
        assertThat(storedFiles(report)).isEmpty();
    }

    @Test
    void aRowThatCannotBeWrittenTakesItsFileWithIt() {
        ReportId missing = ReportId.random();
        Attachment attachment = new Attachment(
                AttachmentId.random(),
                missing,
                "a.jpg",
                AttachmentType.JPEG,
                3,
                "00",
                cast.member(Part.REPORTER).id(),
                "Reporter",
                Instant.now());

        assertThatThrownBy(() ->
                        transactions.executeWithoutResult(status -> store.save(attachment, new byte[] {1, 2, 3})))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(files.exists(missing, attachment.id())).isFalse();
    }

    @Test
    void storingNeedsATransactionToUndoItIn() {
        Report report = cast.report("AMBER", false);
        Attachment attachment = attachments.add(reporter(), report.id(), "a.jpg", TestFiles.jpeg(8, 8));
        Attachment another = new Attachment(
                AttachmentId.random(),
                report.id(),
                attachment.name(),
                attachment.type(),
                attachment.size(),
                attachment.sha256(),
                attachment.uploadedBy(),
                attachment.uploadedByName(),
                Instant.now());

        assertThatThrownBy(() -> store.save(another, new byte[] {1}))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
        assertThat(storedFiles(report)).containsExactly(attachment.id().toString());
    }

    @Test
    void aReportHoldsAtMostTheConfiguredNumberOfFiles() {
        Report report = cast.report("AMBER", false);
        Viewer reporter = reporter();
        for (int i = 0; i < attachments.maxPerReport(); i++) {
            attachments.add(reporter, report.id(), "photo-" + i + ".png", TestFiles.png(4, 4));
        }

        assertThatThrownBy(() -> attachments.add(reporter, report.id(), "one-more.png", TestFiles.png(4, 4)))
                .isInstanceOf(org.cascadehub.platform.InvalidInput.class)
                .hasMessageContaining("file: This report already has 20 files");
        assertThat(rows(report)).isEqualTo(attachments.maxPerReport());
        assertThat(storedFiles(report)).hasSize(attachments.maxPerReport());
    }

    @Test
    void purgingAReportRemovesItsFiles() {
        Report report = cast.report("AMBER", false);
        attachments.add(reporter(), report.id(), "a.jpg", TestFiles.jpeg(8, 8));
        attachments.add(reporter(), report.id(), "b.pdf", TestFiles.pdf());
        assertThat(storedFiles(report)).hasSize(2);
        // Closed long ago, so that a purge as of shortly after catches this report and no other.
        Instant closed = Instant.parse("1999-01-01T00:00:00Z");
        jdbc.sql("UPDATE report SET status = 'CLOSED', closed_at = ? WHERE id = ?")
                .params(Timestamp.from(closed), report.id().value())
                .update();

        List<ReportId> purged =
                transactions.execute(status -> retention.purgeDue(Instant.parse("2000-03-01T00:00:00Z")));

        assertThat(purged).containsExactly(report.id());
        assertThat(rows(report)).isZero();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                Files.exists(files.root().resolve(report.id().toString())))
                        .isFalse());
    }

    private Viewer reporter() {
        return cast.viewer(Part.REPORTER);
    }

    private int rows(Report report) {
        return jdbc.sql("SELECT count(*) FROM report_attachment WHERE report_id = ?")
                .param(report.id().value())
                .query(Integer.class)
                .single();
    }

    /** Every file in the report's directory, finished or not. */
    private List<String> storedFiles(Report report) {
        Path directory = files.root().resolve(report.id().toString());
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

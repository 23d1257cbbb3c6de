package org.cascadehub.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cascadehub.directory.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An attachment's file and its row, kept together: the row is written in the caller's transaction
 * after the file, and if that transaction does not commit the file is deleted again, so a failure
 * leaves neither.
 */
@Component
class AttachmentStore {

    private final JdbcClient jdbc;
    private final AttachmentFiles files;

    AttachmentStore(JdbcClient jdbc, AttachmentFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Attachment save(Attachment attachment, byte[] bytes) {
        files.write(attachment.reportId(), attachment.id(), bytes);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    files.delete(attachment.reportId(), attachment.id());
                }
            }
        });
        jdbc.sql("""
                INSERT INTO report_attachment (id, report_id, file_name, content_type, size_bytes, sha256, uploaded_by,
                  uploaded_by_name, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        attachment.id().value(),
                        attachment.reportId().value(),
                        attachment.name(),
                        attachment.type().mediaType(),
                        attachment.size(),
                        attachment.sha256(),
                        attachment.uploadedBy().value(),
                        attachment.uploadedByName(),
                        Timestamp.from(attachment.uploadedAt()))
                .update();
        return attachment;
    }

    /** Locks the report against concurrent uploads and counts its attachments. */
    @Transactional(propagation = Propagation.MANDATORY)
    int lockAndCount(ReportId report) {
        jdbc.sql("SELECT id FROM report WHERE id = ? FOR NO KEY UPDATE")
                .param(report.value())
                .query(UUID.class)
                .optional();
        return jdbc.sql("SELECT count(*) FROM report_attachment WHERE report_id = ?")
                .param(report.value())
                .query(Integer.class)
                .single();
    }

    List<Attachment> of(ReportId report) {
        return jdbc.sql("SELECT * FROM report_attachment WHERE report_id = ? ORDER BY uploaded_at, id")
                .param(report.value())
                .query((rs, n) -> attachment(rs))
                .list();
    }

    Optional<Attachment> find(ReportId report, AttachmentId id) {
        return jdbc.sql("SELECT * FROM report_attachment WHERE id = ? AND report_id = ?")
                .params(id.value(), report.value())
                .query((rs, n) -> attachment(rs))
                .optional();
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        return new Attachment(
                new AttachmentId(rs.getObject("id", UUID.class)),
                new ReportId(rs.getObject("report_id", UUID.class)),
                rs.getString("file_name"),
                AttachmentType.ofMediaType(rs.getString("content_type")),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                new PersonId(rs.getObject("uploaded_by", UUID.class)),
                rs.getString("uploaded_by_name"),
                ReportRows.instant(rs, "uploaded_at"));
    }
}

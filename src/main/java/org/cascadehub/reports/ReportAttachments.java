package org.cascadehub.reports;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Actors;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.cascadehub.platform.NotFound;
import org.cascadehub.reports.AttachmentScreening.Screened;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to reports, for the API and the pages alike. Every call asks {@link Reports} first:
 * a report the viewer may not see answers 404, and so does an attachment of another report. Those
 * who may add files are the police and the reporter's organisation ({@link ReportPolicy#canMessage});
 * anyone else who may see the report is refused (403). A download of an AMBER, AMBER+STRICT or RED
 * report's file is audited as a read of the report.
 */
@Service
public class ReportAttachments {

    private final Reports reports;
    private final AttachmentStore store;
    private final AttachmentFiles files;
    private final AttachmentSettings settings;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportAttachments(
            Reports reports,
            AttachmentStore store,
            AttachmentFiles files,
            AttachmentSettings settings,
            People people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reports = reports;
        this.store = store;
        this.files = files;
        this.settings = settings;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** A stored file to send, with what it is; the caller closes the stream. */
    public record Download(Attachment attachment, InputStream content) {}

    /**
     * Checks, cleans and stores one uploaded file ({@code name} as the browser sent it, shown cleaned
     * up, never used in a path). Problems are named on the field {@code file}; nothing is stored then.
     */
    @Transactional
    public Attachment add(Viewer viewer, ReportId reportId, @Nullable String name, byte[] bytes) {
        Report report = reports.visible(viewer, reportId);
        if (!reports.mayMessage(viewer, report)) {
            throw new NotAllowed("Only the police and the reporter's organisation add files to a report.");
        }
        Screened screened = AttachmentScreening.screen(bytes, maxBytes());
        if (store.lockAndCount(reportId) >= settings.maxPerReport()) {
            throw InvalidInput.of(
                    ContentSniffer.FIELD,
                    "This report already has " + settings.maxPerReport() + " files, the most one report may have.");
        }
        Attachment attachment = new Attachment(
                AttachmentId.random(),
                reportId,
                AttachmentNames.display(name),
                screened.type(),
                screened.bytes().length,
                sha256(screened.bytes()),
                viewer.personId(),
                people.findById(viewer.personId()).map(PersonSummary::name).orElse(""),
                clock.instant());
        store.save(attachment, screened.bytes());
        events.publishEvent(new ReportAttachmentAdded(
                reportId, attachment.id(), screened.type().mediaType(), attachment.size(), Actors.current()));
        return attachment;
    }

    /** Refuses a file over the limit before its bytes are read (an upload states its size). */
    public void requireSize(long size) {
        if (size > maxBytes()) {
            throw new AttachmentTooLarge(maxBytes());
        }
    }

    /** The report's files, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> of(Viewer viewer, ReportId reportId) {
        reports.visible(viewer, reportId);
        return store.of(reportId);
    }

    /** One file to download; the read is audited as a read of the report when its label asks for it. */
    @Transactional
    public Download download(Viewer viewer, ReportId reportId, AttachmentId id) {
        reports.visible(viewer, reportId);
        Attachment attachment = store.find(reportId, id).orElseThrow(() -> notFound(id));
        reports.read(viewer, reportId, "attachment");
        return new Download(attachment, files.open(reportId, id));
    }

    /** Where a page links to download the file (the API answers signed-in browsers too). */
    public static String link(ReportId reportId, AttachmentId id) {
        return "/api/v1/reports/" + reportId + "/attachments/" + id;
    }

    public long maxBytes() {
        return settings.maxBytes().toBytes();
    }

    public int maxPerReport() {
        return settings.maxPerReport();
    }

    /** Removes the files of a purged report (its rows went with it). */
    public void deleteAllOf(ReportId reportId) {
        files.deleteAllOf(reportId);
    }

    @ApplicationModuleListener
    void on(ReportPurged purged) {
        deleteAllOf(purged.reportId());
    }

    static NotFound notFound(AttachmentId id) {
        return new NotFound("There is no attachment " + id + ".");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

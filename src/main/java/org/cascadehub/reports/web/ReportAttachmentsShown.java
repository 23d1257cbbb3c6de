package org.cascadehub.reports.web;

import java.util.List;
import java.util.Locale;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.Attachment;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportAttachments;
import org.springframework.stereotype.Component;

/**
 * A report's files as its page lists them: name, size and download link, images shown as
 * thumbnails through that same link (so the download rules, and its audit, apply to them too).
 */
@Component
class ReportAttachmentsShown {

    record Shown(String name, String size, String href, boolean image) {}

    private final ReportAttachments attachments;

    ReportAttachmentsShown(ReportAttachments attachments) {
        this.attachments = attachments;
    }

    List<Shown> of(Viewer viewer, Report report) {
        return attachments.of(viewer, report.id()).stream()
                .map(ReportAttachmentsShown::shown)
                .toList();
    }

    private static Shown shown(Attachment a) {
        return new Shown(
                a.downloadName(),
                size(a.size()),
                ReportAttachments.link(a.reportId(), a.id()),
                a.type().image());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

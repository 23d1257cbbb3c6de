package org.cascadehub.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotFound;
import org.cascadehub.reports.Attachment;
import org.cascadehub.reports.AttachmentId;
import org.cascadehub.reports.AttachmentTooLarge;
import org.cascadehub.reports.ReportAttachments;
import org.cascadehub.reports.ReportAttachments.Download;
import org.cascadehub.reports.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Files attached to a report: upload (multipart, field {@code file}), list, download. */
@RestController
@Tag(name = "Reports")
class ReportAttachmentsApi {

    /**
     * Nothing in a downloaded file may run in the browser: no scripts, plugins or forms, and no
     * loading of anything else; a PDF or picture opened in a tab still shows.
     */
    static final String DOWNLOAD_POLICY = "default-src 'none'; img-src 'self'; object-src 'none'; sandbox";

    private final ReportAttachments attachments;
    private final long uploadLimit;

    ReportAttachmentsApi(
            ReportAttachments attachments,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartFileLimit) {
        this.attachments = attachments;
        // The container refuses a part over its own limit before the service sees it.
        this.uploadLimit = Math.min(attachments.maxBytes(), multipartFileLimit.toBytes());
    }

    @PostMapping(value = "/api/v1/reports/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attach a JPEG, PNG or PDF to a report (the police and the reporter's organisation)",
            description = "The file is the 'file' part. Its type is decided from its bytes, not its name; pictures"
                    + " are stored without their EXIF, GPS, XMP or comments; a PDF with JavaScript, launch actions,"
                    + " automatic actions or embedded files, or one that is encrypted, is refused. Too large: 413;"
                    + " every other problem: 400 naming the field 'file'.")
    ResponseEntity<Attachment> upload(
            Viewer viewer, @PathVariable String id, @RequestParam("file") @Nullable MultipartFile file)
            throws IOException {
        ReportId reportId = reportId(id);
        if (file == null) {
            throw InvalidInput.of("file", "Choose a file to attach.");
        }
        attachments.requireSize(file.getSize());
        Attachment attachment = attachments.add(viewer, reportId, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create(ReportAttachments.link(reportId, attachment.id())))
                .body(attachment);
    }

    @GetMapping("/api/v1/reports/{id}/attachments")
    @Operation(summary = "The files attached to a report, oldest first")
    List<Attachment> list(Viewer viewer, @PathVariable String id) {
        return attachments.of(viewer, reportId(id));
    }

    @GetMapping("/api/v1/reports/{id}/attachments/{attachmentId}")
    @Operation(
            summary = "Download one file",
            description = "Always as a download (Content-Disposition: attachment) of the type found in its bytes.")
    ResponseEntity<InputStreamResource> download(
            Viewer viewer, @PathVariable String id, @PathVariable String attachmentId) {
        ReportId reportId = reportId(id);
        AttachmentId fileId = AttachmentId.parse(attachmentId)
                .orElseThrow(() -> new NotFound("There is no attachment " + attachmentId + "."));
        Download download = attachments.download(viewer, reportId, fileId);
        Attachment attachment = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.type().mediaType()))
                .contentLength(attachment.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.downloadName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DOWNLOAD_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLarge tooLarge) {
        return tooLarge(tooLarge.problems().getFirst().message());
    }

    /** The container refused the part (over spring.servlet.multipart.max-file-size) before the service saw it. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> containerRefused(MaxUploadSizeExceededException refused) {
        return tooLarge(AttachmentTooLarge.message(uploadLimit));
    }

    /** No part named 'file', or a body that is not readable as multipart. */
    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> noFile(Exception missing) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Send the file as multipart/form-data in a part named 'file'.",
                "Choose a file to attach.");
    }

    private static ResponseEntity<ProblemDetail> tooLarge(String message) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, message, message);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String fieldMessage) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("The file cannot be attached");
        problem.setProperty("errors", List.of(new InvalidInput.FieldProblem("file", fieldMessage)));
        return ResponseEntity.status(status).body(problem);
    }

    private static ReportId reportId(String id) {
        return QueryParameters.reportId(id);
    }
}

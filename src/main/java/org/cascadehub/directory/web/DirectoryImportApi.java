package org.cascadehub.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.cascadehub.directory.DirectoryImport;
import org.cascadehub.directory.ImportProblem;
import org.cascadehub.directory.ImportRejected;
import org.cascadehub.directory.ImportReport;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import into the directory from a CSV file, as an upload or as the request body. */
@RestController
@RequestMapping("/api/v1/imports/directory")
@Tag(name = "Directory: import")
class DirectoryImportApi {

    static final String TEXT_CSV = "text/csv";

    private final DirectoryImport imports;

    DirectoryImportApi(DirectoryImport imports) {
        this.imports = imports;
    }

    /** One problem in the file: the physical line (header = 1; none for the whole file), column, what is wrong. */
    record ImportError(@Nullable Integer line, String field, String message) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import organisations, sites and people from a CSV file (administrators, sector leads, "
                    + "security managers)",
            description = "The file is the 'file' part, UTF-8, in the format of the template. Every problem is "
                    + "answered at once (400, errors by line) and nothing is written unless the whole file is good. "
                    + "dryRun=true checks only.")
    ImportReport upload(
            Viewer viewer,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        imports.requireSize(file.getSize());
        return importFile(viewer, file.getBytes(), dryRun);
    }

    @PostMapping(consumes = TEXT_CSV)
    @Operation(
            summary = "Import from a text/csv request body",
            description = "As the upload; the body is limited by cascade.api.max-body-size, so send larger "
                    + "files as multipart/form-data.")
    ImportReport body(Viewer viewer, @RequestBody byte[] csv, @RequestParam(defaultValue = "false") boolean dryRun) {
        return importFile(viewer, csv, dryRun);
    }

    @GetMapping(value = "/template.csv", produces = TEXT_CSV)
    @Operation(summary = "A CSV file to start from: the header row and an example row of each kind")
    ResponseEntity<byte[]> template() {
        return DirectoryImportPage.template(imports);
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected rejected) {
        HttpStatus status = rejected.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        List<ImportProblem> problems = rejected.importProblems();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                (problems.size() == 1 ? problems.getFirst().describe() : problems.size() + " problems in the file")
                        + ". Nothing was imported.");
        problem.setTitle("The file cannot be imported");
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> new ImportError(p.line(), p.column(), p.message()))
                        .toList());
        return ResponseEntity.status(status).body(problem);
    }

    private ImportReport importFile(Viewer viewer, byte[] csv, boolean dryRun) {
        return dryRun ? imports.check(viewer, csv) : imports.run(viewer, csv);
    }
}

package org.cascadehub.directory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.cascadehub.directory.DirectoryImport;
import org.cascadehub.directory.DirectoryPolicy;
import org.cascadehub.directory.ImportRejected;
import org.cascadehub.directory.ImportReport;
import org.cascadehub.directory.OrganisationKind;
import org.cascadehub.directory.Sector;
import org.cascadehub.directory.Sectors;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The import page: upload a CSV file, see every problem in it by line, or what was imported. A
 * plain form; it works without JavaScript.
 */
@Controller
class DirectoryImportPage {

    private final DirectoryImport imports;
    private final Sectors sectors;

    DirectoryImportPage(DirectoryImport imports, Sectors sectors) {
        this.imports = imports;
        this.sectors = sectors;
    }

    @GetMapping("/directory/import")
    String form(Viewer viewer, Model model) {
        requireImporter(viewer);
        describeFormat(model);
        return "directory/import";
    }

    @PostMapping("/directory/import")
    String upload(
            Viewer viewer,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "import") String action,
            Model model)
            throws IOException {
        requireImporter(viewer);
        boolean checkOnly = "check".equals(action);
        describeFormat(model);
        model.addAttribute("checkOnly", checkOnly);
        String name = file == null ? null : file.getOriginalFilename();
        if (file == null || name == null || name.isBlank()) {
            model.addAttribute("fileError", "Choose the CSV file to import");
            return "directory/import";
        }
        model.addAttribute("fileName", name);
        try {
            imports.requireSize(file.getSize());
            byte[] csv = file.getBytes();
            ImportReport report = checkOnly ? imports.check(viewer, csv) : imports.run(viewer, csv);
            model.addAttribute("report", report);
        } catch (ImportRejected rejected) {
            model.addAttribute("problems", rejected.importProblems());
            model.addAttribute(
                    "fileError",
                    rejected.importProblems().size() == 1
                            ? "The file has a problem, so nothing was imported"
                            : "The file has " + rejected.importProblems().size()
                                    + " problems, so nothing was imported");
        }
        return "directory/import";
    }

    @GetMapping("/directory/import/template.csv")
    ResponseEntity<byte[]> template() {
        return template(imports);
    }

    /** The template with a UTF-8 byte order mark, so that Excel opens (and saves) it as UTF-8. */
    static ResponseEntity<byte[]> template(DirectoryImport imports) {
        byte[] text = imports.template().getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cascade-directory-import.csv")
                                .build()
                                .toString())
                .body(marked);
    }

    private void describeFormat(Model model) {
        model.addAttribute("maxRows", imports.maxRows());
        model.addAttribute(
                "kinds",
                Arrays.stream(OrganisationKind.values())
                        .map(OrganisationKind::label)
                        .toList());
        model.addAttribute(
                "sectors",
                sectors.all().stream().filter(Sector::active).map(Sector::name).toList());
    }

    private static void requireImporter(Viewer viewer) {
        if (!DirectoryPolicy.canImport(viewer)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only hub administrators, sector leads and security managers can import.");
        }
    }
}

package org.cascadehub.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.cascadehub.alerts.Alert;
import org.cascadehub.alerts.CapImport;
import org.cascadehub.alerts.cap.CapValidation;
import org.cascadehub.alerts.cap.CapValidator;
import org.cascadehub.directory.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** CAP 1.2 tools for partners' systems: checking a message, and importing one as a draft alert. */
@RestController
@Tag(name = "Alerts: CAP 1.2")
class CapApi {

    static final String CAP_XML = "application/cap+xml";

    private static final String EXAMPLE_ALERT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>MPS-2026-0001</identifier>
              <sender>alerts@cascade.example</sender>
              <sent>2026-03-01T14:57:00-00:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <category>Security</category>
                <event>Suspicious package</event>
                <urgency>Immediate</urgency>
                <severity>Severe</severity>
                <certainty>Observed</certainty>
                <area>
                  <areaDesc>Strand, Westminster</areaDesc>
                  <polygon>51.510,-0.125 51.512,-0.118 51.509,-0.116 51.510,-0.125</polygon>
                </area>
              </info>
            </alert>
            """;

    private static final String EXAMPLE_ANSWER = """
            {"valid": false,
             "errors": [{"path": "/alert", "message": "<scope> is missing from <alert> (it comes before <info>)."},
                        {"path": "/alert/info[1]/area[1]/polygon[1]", "message": "<polygon> has 3 points; it needs at least four, the first repeated as the last."}],
             "warnings": []}
            """;

    /** A draft made from an imported message, and what its author should check. */
    record ImportAnswer(Alert alert, List<CapValidation.Problem> warnings) {}

    /** One reason an imported message was refused: where in the message ({@code field} repeats it) and what. */
    record ImportError(String field, String path, String message) {}

    private final CapValidator validator;
    private final CapImport imports;

    CapApi(CapValidator validator, CapImport imports) {
        this.validator = validator;
        this.imports = imports;
    }

    @PostMapping(
            value = "/api/v1/cap/validate",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, CAP_XML},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Check a CAP 1.2 alert",
            description = "Checks the XML against the OASIS CAP 1.2 schema and the specification's rules the schema"
                    + " cannot express (closed polygons, references, scope, times, ...). Answers 200 whether the alert"
                    + " is valid or not: the answer is the list of problems, each with the element's path. DTDs,"
                    + " entities and XInclude are refused; the body may be at most 1 MB.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(
                                        mediaType = CAP_XML,
                                        schema = @Schema(type = "string"),
                                        examples = @ExampleObject(name = "alert", value = EXAMPLE_ALERT)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_XML_VALUE,
                                        schema = @Schema(type = "string")),
                                @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string"))
                            }),
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The validation result",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = CapValidation.class),
                                            examples = @ExampleObject(name = "two errors", value = EXAMPLE_ANSWER))))
    CapValidation validate(@RequestBody(required = false) byte @Nullable [] xml) {
        return validator.validate(xml == null ? new byte[0] : xml);
    }

    @PostMapping(
            value = "/api/v1/cap/import",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, CAP_XML},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import an external CAP alert as a draft (police coordinators, administrators)",
            description = "The message must be valid CAP 1.2 (or 1.1); otherwise 400 with the validator's errors,"
                    + " each with its path, and nothing is created. The draft is made from the first English"
                    + " <info> (else the first): headline (or event), description, instruction, the first category"
                    + " and response type, urgency, severity, certainty; TLP from a TLP: code or TLP parameter, else"
                    + " CLEAR for scope Public and AMBER otherwise; the area from the first usable polygon, else"
                    + " circle, else borough names in areaDesc and geocodes, else every borough; expiry from"
                    + " <expires> (60 minutes when missing or past, at most the longest an alert may stay current)."
                    + " The description ends 'Imported from <sender> <identifier>'. The answer lists what the"
                    + " author should check as warnings. The draft then follows the usual path: submit, approve,"
                    + " publish.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(
                                        mediaType = CAP_XML,
                                        schema = @Schema(type = "string"),
                                        examples = @ExampleObject(name = "alert", value = EXAMPLE_ALERT)),
                                @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string"))
                            }),
            responses = {
                @ApiResponse(responseCode = "201", description = "The draft and warnings"),
                @ApiResponse(responseCode = "400", description = "Not valid CAP: errors with path and message"),
                @ApiResponse(responseCode = "403", description = "The caller does not write alerts")
            })
    ResponseEntity<ImportAnswer> importAlert(Viewer viewer, @RequestBody(required = false) byte @Nullable [] xml) {
        CapImport.Imported imported = imports.importAlert(viewer, xml == null ? new byte[0] : xml);
        return ResponseEntity.created(
                        URI.create("/api/v1/alerts/" + imported.alert().id()))
                .body(new ImportAnswer(imported.alert(), imported.warnings()));
    }

    @ExceptionHandler(CapImport.InvalidCap.class)
    ResponseEntity<ProblemDetail> invalidCap(CapImport.InvalidCap invalid) {
        List<ImportError> errors = invalid.errors().stream()
                .map(e -> new ImportError(e.path(), e.path(), e.message()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The message is not valid CAP 1.2: "
                        + errors.stream()
                                .map(e -> e.path() + ": " + e.message())
                                .collect(Collectors.joining("; ")));
        problem.setTitle("Not a valid CAP alert");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

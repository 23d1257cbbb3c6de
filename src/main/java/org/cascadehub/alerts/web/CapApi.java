package org.cascadehub.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cascadehub.alerts.cap.CapValidation;
import org.cascadehub.alerts.cap.CapValidator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** CAP 1.2 tools for partners' systems. */
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

    private final CapValidator validator;

    CapApi(CapValidator validator) {
        this.validator = validator;
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
}

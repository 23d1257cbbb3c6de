package org.cascadehub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.regex.Pattern;
import org.cascadehub.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the SMS gateway delivers replies. There is no session or token here (the security rules let
 * it through): the gateway signs the body instead, and anything unsigned is refused before it is
 * read.
 */
@RestController
@Tag(name = "Delivery")
class SmsInboundApi {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final SmsReplies replies;
    private final JsonMapper json;

    SmsInboundApi(SmsReplies replies, JsonMapper json) {
        this.replies = replies;
        this.json = json;
    }

    @PostMapping(SmsReplies.INBOUND_PATH)
    @Operation(
            summary = "A reply to an SMS, from the gateway",
            description = "Body {\"from\":\"+447700900123\",\"text\":\"ACK 4821\"}, signed: header "
                    + SmsReplies.SIGNATURE_HEADER + " is the hex HMAC-SHA256 of the body with the gateway key.")
    ResponseEntity<?> inbound(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = SmsReplies.SIGNATURE_HEADER, required = false) @Nullable String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!replies.authentic(bytes, signature)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED,
                    "Only the SMS gateway may post here: sign the body with its key in " + SmsReplies.SIGNATURE_HEADER
                            + ".");
            problem.setInstance(URI.create(SmsReplies.INBOUND_PATH));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        JsonNode reply = parse(bytes);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String from = reply.path("from").isString() ? reply.path("from").stringValue() : "";
        String text = reply.path("text").isString() ? reply.path("text").stringValue() : "";
        if (!E164.matcher(from).matches()) {
            problems.add("from", "must be the sender's number in E.164 form, such as +447700900123");
        }
        if (text.isBlank() || text.length() > 1600) {
            problems.add("text", "must be the reply's text, 1 to 1,600 characters");
        }
        problems.throwIfAny();
        replies.received(from, text);
        return ResponseEntity.accepted().build();
    }

    private JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object with 'from' and 'text'");
        }
        return node;
    }
}

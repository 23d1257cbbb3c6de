package org.cascadehub.delivery.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.NotAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/v1/stream}: the live stream of a signed-in member (session or bearer token). */
@RestController
@Tag(name = "Live stream", description = "Server-Sent Events for the signed-in person")
class StreamController {

    static final String PATH = "/api/v1/stream";
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveGateway gateway;

    StreamController(LiveGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping(PATH)
    @Operation(
            summary = "The live stream of events addressed to you",
            description = """
                    A text/event-stream that stays open. Events: `alert` (JSON; its `id:` is the alert's \
                    sequence number) and `ack` (acknowledgement counts, no `id:`); comment lines are \
                    heartbeats. Reconnect with the `Last-Event-ID` header (or `lastEventId` parameter, \
                    for a page that was reloaded) to be sent, first and in order, every event you missed. \
                    A client that does not keep up is disconnected and should reconnect the same way.""",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/event-stream")),
                @ApiResponse(responseCode = "400", description = "Last-Event-ID is not a sequence number"),
                @ApiResponse(responseCode = "401", description = "Not signed in"),
                @ApiResponse(responseCode = "403", description = "Not an active member of a vetted organisation"),
                @ApiResponse(responseCode = "503", description = "This node is shutting down: reconnect")
            })
    void stream(
            Viewer viewer,
            HttpServletRequest request,
            @Parameter(description = "The id of the last event received")
                    @RequestHeader(name = LAST_EVENT_ID, required = false)
                    @Nullable
                    String lastEventIdHeader,
            @Parameter(description = "The same, for clients that cannot set the header; the header wins")
                    @RequestParam(name = "lastEventId", required = false)
                    @Nullable
                    String lastEventIdParameter)
            throws IOException {
        requireMember(viewer);
        Long lastEventId = isBlank(lastEventIdHeader)
                ? sequenceNumber("lastEventId", lastEventIdParameter)
                : sequenceNumber(LAST_EVENT_ID, lastEventIdHeader);
        if (!gateway.accepting()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "This node is shutting down: reconnect.");
        }
        gateway.connect(request, viewer, lastEventId);
    }

    static void requireMember(Viewer viewer) {
        if (!viewer.vettedMember()) {
            throw new NotAllowed("Live alerts are for active members of vetted organisations.");
        }
    }

    static @Nullable Long sequenceNumber(String field, @Nullable String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInput.of(field, "Must be the id of an event this stream sent: a whole number, 0 or more.");
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}

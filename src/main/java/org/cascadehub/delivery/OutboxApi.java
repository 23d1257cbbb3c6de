package org.cascadehub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cascadehub.platform.RunMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the email outbox holds, for administrators (the security rules restrict the path). In demo
 * mode, where no mail server is configured, bodies are shown too, so the demo's emails (set-password
 * links among them) can be read; in production they never are, since a set-password link is a key
 * to someone else's account.
 */
@RestController
@Tag(name = "Delivery", description = "The email outbox (administrators only)")
class OutboxApi {

    private final EmailOutbox outbox;
    private final RunMode mode;

    OutboxApi(EmailOutbox outbox, RunMode mode) {
        this.outbox = outbox;
        this.mode = mode;
    }

    @GetMapping("/api/v1/outbox/emails")
    @Operation(summary = "The most recent emails and whether they were sent", description = "Newest first, 1 to 500.")
    List<EmailOutbox.OutboundEmail> recent(@RequestParam(defaultValue = "50") int limit) {
        return outbox.recent(Math.clamp(limit, 1, 500), mode == RunMode.DEMO);
    }
}

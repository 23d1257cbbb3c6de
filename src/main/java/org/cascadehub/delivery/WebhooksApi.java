package org.cascadehub.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks to partner systems: an organisation's subscriptions, and the dead letters. */
@RestController
@Tag(name = "Webhooks", description = "Signed event deliveries to partner systems")
class WebhooksApi {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeadLetters deadLetters;

    WebhooksApi(WebhookSubscriptions subscriptions, WebhookDeadLetters deadLetters) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
    }

    /** A new webhook with its signing secret: the only time the secret is shown. */
    record CreatedWebhook(
            WebhookId id,
            OrganisationId organisationId,
            String url,
            List<String> eventTypes,
            boolean active,
            Instant createdAt,
            UUID createdBy,
            String secret) {

        static CreatedWebhook of(WebhookSubscriptions.Created created) {
            var webhook = created.webhook();
            return new CreatedWebhook(
                    webhook.id(),
                    webhook.organisationId(),
                    webhook.url(),
                    webhook.eventTypes(),
                    webhook.active(),
                    webhook.createdAt(),
                    webhook.createdBy(),
                    created.secret());
        }
    }

    @GetMapping("/api/v1/organisations/{id}/webhooks")
    @Operation(summary = "The organisation's webhooks (its security manager, administrators)")
    List<WebhookSubscriptions.Webhook> list(Viewer viewer, @PathVariable UUID id) {
        return subscriptions.of(viewer, new OrganisationId(id));
    }

    @PostMapping("/api/v1/organisations/{id}/webhooks")
    @Operation(
            summary = "Send the organisation's events to a partner system (its security manager, administrators)",
            description = "Body {\"url\":\"https://...\",\"eventTypes\":[\"alert.published\"]} (\"*\" for every"
                    + " event). The answer holds the signing secret; it is not shown again. See docs/delivery.md"
                    + " for how to verify the Cascade-Signature header.")
    ResponseEntity<CreatedWebhook> create(
            Viewer viewer, @PathVariable UUID id, @RequestBody WebhookSubscriptions.Request request) {
        var created = subscriptions.subscribe(viewer, new OrganisationId(id), request);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + id + "/webhooks/"
                        + created.webhook().id()))
                .body(CreatedWebhook.of(created));
    }

    @DeleteMapping("/api/v1/organisations/{id}/webhooks/{webhookId}")
    @Operation(summary = "Stop a webhook; what it had waiting is dropped")
    ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id, @PathVariable UUID webhookId) {
        subscriptions.unsubscribe(viewer, new OrganisationId(id), new WebhookId(webhookId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/webhooks/dead-letters")
    @Operation(summary = "Deliveries given up after their last attempt, newest first (administrators)")
    Page<WebhookDeadLetters.DeadLetter> deadLetters(
            Viewer viewer, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "25") int size) {
        return deadLetters.list(viewer, Page.number(page), Math.clamp(size, 1, 200));
    }

    @PostMapping("/api/v1/webhooks/dead-letters/{deliveryId}/retry")
    @Operation(summary = "Send a dead-lettered delivery again, with a fresh set of attempts (administrators)")
    ResponseEntity<Void> retry(Viewer viewer, @PathVariable long deliveryId) {
        deadLetters.retry(viewer, deliveryId);
        return ResponseEntity.accepted().build();
    }
}

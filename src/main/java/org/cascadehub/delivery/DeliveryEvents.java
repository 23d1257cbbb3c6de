package org.cascadehub.delivery;

import org.cascadehub.directory.OrganisationId;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** Delivery's published events that the audit log records. Never secrets, nor a webhook's URL (it may hold a token). */
public final class DeliveryEvents {

    private DeliveryEvents() {}

    public record WebhookSubscribed(WebhookId webhookId, OrganisationId organisationId, Actor actor)
            implements AuditedEvent {}

    public record WebhookUnsubscribed(WebhookId webhookId, OrganisationId organisationId, Actor actor)
            implements AuditedEvent {}

    /** An administrator sent a dead-lettered delivery again. */
    public record WebhookDeliveryRetried(long deliveryId, WebhookId webhookId, Actor actor) implements AuditedEvent {}
}

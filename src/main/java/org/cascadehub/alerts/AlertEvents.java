package org.cascadehub.alerts;

import java.time.Instant;
import java.util.List;
import org.cascadehub.alerts.cap.CapMsgType;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;
import org.jspecify.annotations.Nullable;

/** The alert module's published events: ids and small values only. */
public final class AlertEvents {

    private AlertEvents() {}

    public record AlertDrafted(AlertId alertId, Actor actor) implements AuditedEvent {}

    public record AlertSubmitted(AlertId alertId, Actor actor) implements AuditedEvent {}

    public record AlertRejected(AlertId alertId, PersonId authorId, String reason, Actor actor)
            implements AuditedEvent {}

    /**
     * An alert, update, cancellation or forward was published: delivery sends it to its recipients
     * (read them with {@link Alerts#recipients}) on every channel.
     */
    public record AlertPublished(AlertId alertId, long seq, CapMsgType msgType, int recipients, Actor actor)
            implements AuditedEvent {}

    public record AlertExpired(AlertId alertId, Actor actor) implements AuditedEvent {}

    /**
     * Recipients acknowledged an alert: one event for all of an alert's acknowledgements written in
     * one transaction (they are written in batches), each saying who, when, how and through whom.
     * The actor is the hub, which wrote them; each acknowledgement names its own.
     */
    public record AcknowledgementsRecorded(AlertId alertId, List<Acknowledged> acknowledgements, Actor actor)
            implements AuditedEvent {}

    /**
     * One first acknowledgement. {@code channel} says how (screen, api, email, sms); {@code by} and
     * {@code address} are the actor of the request that gave it.
     */
    public record Acknowledged(
            PersonId personId,
            Instant at,
            String channel,
            String by,
            @Nullable String address) {}

    /**
     * Recipients of a Severe or Extreme alert have not acknowledged it in time: delivery tries the
     * level's channel for each. Level 1 is email, 2 is SMS, 3 tells their organisations' security
     * managers. Not audited one by one: the audit log records the count.
     */
    public record AcknowledgementsOverdue(AlertId alertId, int level, List<Overdue> recipients) {}

    /** One recipient who has not acknowledged. */
    public record Overdue(PersonId personId, OrganisationId organisationId) {}

    /** An escalation step was taken for this many recipients. */
    public record AlertEscalated(AlertId alertId, int level, int recipients, Actor actor) implements AuditedEvent {}

    /** Someone read a TLP:AMBER or TLP:RED alert (the audit log records every such read). */
    public record RestrictedAlertRead(AlertId alertId, String tlp, Actor actor) implements AuditedEvent {}
}

package org.cascadehub.access;

import java.time.Instant;
import java.util.UUID;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.AuditedEvent;

/** The events access publishes; the audit log records each. None carries a secret. */
public final class AccessEvents {

    private AccessEvents() {}

    /** Someone signed in with a correct password (a second factor may still follow). */
    public record SignInSucceeded(UUID personId, String channel, Actor actor) implements AuditedEvent {}

    /** A sign-in was refused; {@code reason} is for the audit log, never shown to the caller. */
    public record SignInFailed(String reason, String channel, Actor actor) implements AuditedEvent {}

    /** A second-factor code was accepted or refused. */
    public record SecondFactorChecked(UUID personId, boolean accepted, Actor actor) implements AuditedEvent {}

    /** A person turned on two-factor sign-in. */
    public record SecondFactorEnrolled(UUID personId, Actor actor) implements AuditedEvent {}

    public record ApiTokenCreated(UUID tokenId, UUID personId, String label, Instant expiresAt, Actor actor)
            implements AuditedEvent {}

    public record ApiTokenRevoked(UUID tokenId, UUID personId, Actor actor) implements AuditedEvent {}

    public record SignedOut(UUID personId, Actor actor) implements AuditedEvent {}
}

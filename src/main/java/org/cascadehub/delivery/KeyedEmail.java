package org.cascadehub.delivery;

import org.jspecify.annotations.Nullable;

/**
 * An email with the key that makes queueing it idempotent (see {@link EmailOutbox#enqueueAll}), or
 * none.
 */
public record KeyedEmail(Email email, @Nullable String dedupeKey) {}

package org.cascadehub.delivery;

import org.jspecify.annotations.Nullable;

/** An SMS with the key that makes queueing it idempotent (see {@link SmsOutbox#enqueueAll}), or none. */
public record KeyedSms(Sms sms, @Nullable String dedupeKey) {}

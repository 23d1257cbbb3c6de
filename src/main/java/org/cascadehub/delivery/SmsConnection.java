package org.cascadehub.delivery;

import org.jspecify.annotations.Nullable;

/**
 * The SMS gateway in use and the key shared with it, or neither: configured, demo mode's stand-in,
 * or none (messages then wait in the outbox and replies are refused).
 */
record SmsConnection(@Nullable SmsGateway gateway, @Nullable String key) {

    static final SmsConnection NONE = new SmsConnection(null, null);
}

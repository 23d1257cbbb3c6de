/**
 * Delivery: how and when messages reach people. Today the durable email outbox; the live push
 * gateway, SMS and webhooks join it with the alert cascade.
 */
@NullMarked
package org.cascadehub.delivery;

import org.jspecify.annotations.NullMarked;

/**
 * Delivery: how and when messages reach people, through durable outboxes with retries and backoff:
 * email over SMTP, SMS through an HTTP gateway (replies come back signed), and signed webhooks to
 * partner systems. The live push gateway joins them with the alert cascade.
 */
@NullMarked
package org.cascadehub.delivery;

import org.jspecify.annotations.NullMarked;

package org.cascadehub.delivery.live;

/**
 * One encoded SSE frame, shared by every connection it is queued on. {@code seq} is the event's
 * sequence number, or 0 for frames that are not replayable (heartbeats, unsequenced events).
 */
record SseFrame(long seq, byte[] bytes) {}

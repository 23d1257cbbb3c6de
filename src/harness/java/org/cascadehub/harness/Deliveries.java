package org.cascadehub.harness;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which alert ids the run publishes, in order (slot 0 is the warm-up), when each publish request
 * started, and how many clients have received each so far. Shared by the publisher and the
 * selector threads; all times are this process's {@link System#nanoTime()}.
 */
final class Deliveries {

    private final ConcurrentHashMap<Long, Integer> slots = new ConcurrentHashMap<>();
    private final long[] published;
    private final AtomicIntegerArray received;
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    volatile int payloadBytes;

    Deliveries(int slotCount) {
        published = new long[slotCount];
        received = new AtomicIntegerArray(slotCount);
    }

    int slotCount() {
        return published.length;
    }

    void expect(long alertId, int slot) {
        slots.put(alertId, slot);
    }

    int slotOf(long alertId) {
        Integer slot = slots.get(alertId);
        return slot == null ? -1 : slot;
    }

    void published(int slot, long nanos) {
        published[slot] = nanos;
    }

    long publishedAt(int slot) {
        return published[slot];
    }

    void received(int slot) {
        received.incrementAndGet(slot);
    }

    int receivedCount(int slot) {
        return received.get(slot);
    }
}

package org.cascadehub.delivery.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import org.cascadehub.directory.PersonId;

/**
 * The recent replayable events, by {@code seq}, with their encoded frames, so a reconnecting
 * client is answered from memory. Bounded by count, age and the recipients held.
 *
 * <p>It holds every event broadcast on this node with a {@code seq} above its {@link #floor()}:
 * the floor starts at the highest {@code seq} given out before this node started and rises to each
 * evicted event's. Replay that reaches below the floor must also ask the {@link ReplaySource}.
 * Reads take no lock: eviction raises the floor before removing an event, and {@link #since} reads
 * the floor after its scan, so a scan that missed an evicted event always sees the raised floor.
 */
final class LiveRing {

    private record Entry(SseFrame frame, Set<PersonId> recipients, long addedAt) {}

    /** What the ring holds for one person after some {@code seq}, and how far back it reaches. */
    record Recent(List<SseFrame> frames, long floor) {}

    private final ConcurrentSkipListMap<Long, Entry> entries = new ConcurrentSkipListMap<>();
    private final int maxEvents;
    private final long maxRecipients;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final LongSupplier startingFloor;
    private volatile long floor;
    private volatile boolean floorKnown;
    // Guarded by this.
    private int count;
    private long recipientsHeld;

    LiveRing(LiveSettings settings, LongSupplier startingFloor, LongSupplier nanoClock) {
        this.maxEvents = settings.ringEvents();
        this.maxRecipients = settings.ringRecipients();
        this.maxAgeNanos = settings.ringAge().toNanos();
        this.startingFloor = startingFloor;
        this.nanoClock = nanoClock;
    }

    /** Below this {@code seq} the ring may be missing events; at or above it, it is not. */
    long floor() {
        if (!floorKnown) {
            synchronized (this) {
                if (!floorKnown) {
                    floor = Math.max(floor, startingFloor.getAsLong());
                    floorKnown = true;
                }
            }
        }
        return floor;
    }

    synchronized void add(SseFrame frame, Set<PersonId> recipients) {
        Entry replaced = entries.put(frame.seq(), new Entry(frame, recipients, nanoClock.getAsLong()));
        if (replaced != null) {
            count--;
            recipientsHeld -= replaced.recipients().size();
        }
        count++;
        recipientsHeld += recipients.size();
        trim();
    }

    /** Drops what has grown too old even when nothing new arrives. */
    synchronized void expire() {
        trim();
    }

    /** The frames addressed to the person with a {@code seq} above {@code afterSeq}, in order. */
    Recent since(long afterSeq, PersonId person) {
        List<SseFrame> frames = new ArrayList<>();
        for (Entry entry : entries.tailMap(afterSeq, false).values()) {
            if (entry.recipients().contains(person)) {
                frames.add(entry.frame());
            }
        }
        return new Recent(frames, floor());
    }

    synchronized int size() {
        return count;
    }

    private void trim() {
        long now = nanoClock.getAsLong();
        while (true) {
            Map.Entry<Long, Entry> oldest = entries.firstEntry();
            if (oldest == null) {
                return;
            }
            boolean over = count > maxEvents
                    || recipientsHeld > maxRecipients
                    || now - oldest.getValue().addedAt() > maxAgeNanos;
            if (!over) {
                return;
            }
            floor = Math.max(floor(), oldest.getKey());
            entries.remove(oldest.getKey());
            count--;
            recipientsHeld -= oldest.getValue().recipients().size();
        }
    }
}

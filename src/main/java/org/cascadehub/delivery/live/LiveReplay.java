package org.cascadehub.delivery.live;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.cascadehub.directory.PersonId;

/**
 * What a reconnecting client missed: the ring's frames, and where the ring does not reach back far
 * enough, the {@link ReplaySource}'s events up to the ring's floor, merged in {@code seq} order with
 * each {@code seq} once. Events above the floor that the ring does not hold have not been broadcast
 * on this node yet: they arrive live, so taking them from the source too would send them twice.
 */
final class LiveReplay {

    private final LiveRing ring;
    private final ReplaySource source;

    LiveReplay(LiveRing ring, ReplaySource source) {
        this.ring = ring;
        this.source = source;
    }

    List<SseFrame> since(long afterSeq, PersonId person) {
        LiveRing.Recent recent = ring.since(afterSeq, person);
        if (afterSeq >= recent.floor()) {
            return recent.frames();
        }
        TreeMap<Long, SseFrame> merged = new TreeMap<>();
        for (LiveEvent event : source.since(afterSeq, person)) {
            if (event.isReplayable() && event.seq() > afterSeq && event.seq() <= recent.floor()) {
                merged.putIfAbsent(event.seq(), SseFrames.encode(event));
            }
        }
        // The ring's frame wins where both have an event: it is the one already shared.
        recent.frames().forEach(frame -> merged.put(frame.seq(), frame));
        return new ArrayList<>(merged.values());
    }
}

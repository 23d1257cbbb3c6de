package org.cascadehub.delivery.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one connection has still to write: first the frames it starts with (the {@code retry:} and
 * the replay), then its bounded queue of shared frames. Not thread-safe: the connection guards it.
 */
final class PendingFrames {

    enum Added {
        QUEUED,
        DUPLICATE,
        FULL
    }

    private final int capacity;
    private final ArrayDeque<SseFrame> queue = new ArrayDeque<>(4);
    private @Nullable List<SseFrame> first;
    private int firstSent;
    /** Sorted seqs of replayed events whose broadcast may still reach the queue: dropped when it does. */
    private long @Nullable [] lateDuplicates;
    /** Whether a frame (a heartbeat too) was queued since the last {@link #heartbeatIfQuiet}. */
    private boolean queuedSinceCheck;

    PendingFrames(int capacity) {
        this.capacity = capacity;
    }

    Added add(SseFrame frame) {
        if (lateDuplicate(frame.seq())) {
            return Added.DUPLICATE;
        }
        if (queue.size() >= capacity) {
            return Added.FULL;
        }
        queue.add(frame);
        queuedSinceCheck = true;
        return Added.QUEUED;
    }

    /**
     * Queues a heartbeat if nothing was queued since the previous call and nothing waits now;
     * answers whether it did. Called every half heartbeat interval, this gives an idle stream a
     * heartbeat every interval (its own heartbeat counts as something queued) and a stream that
     * receives events none, while no stream stays silent for longer than the interval.
     */
    boolean heartbeatIfQuiet() {
        boolean quiet = !queuedSinceCheck;
        queuedSinceCheck = false;
        return quiet && isEmpty() && add(SseFrames.HEARTBEAT) == Added.QUEUED;
    }

    /**
     * Puts the frames to start with before everything queued, dropping queued frames they already
     * hold. A broadcast still in flight ({@code inFlight}) whose frame they hold may reach the queue
     * only later: its seq is kept so it is dropped then.
     */
    void putFirst(List<SseFrame> frames, Set<Long> inFlight) {
        first = frames;
        firstSent = 0;
        if (frames.stream().allMatch(frame -> frame.seq() <= 0)) {
            // A new stream's retry: nothing replayed that the queue could hold twice.
            return;
        }
        long[] replayed = frames.stream()
                .mapToLong(SseFrame::seq)
                .filter(seq -> seq > 0)
                .sorted()
                .toArray();
        List<Long> queued = new ArrayList<>();
        queue.removeIf(f -> f.seq() > 0 && Arrays.binarySearch(replayed, f.seq()) >= 0 && queued.add(f.seq()));
        long[] late = inFlight.stream()
                .mapToLong(Long::longValue)
                .filter(seq -> Arrays.binarySearch(replayed, seq) >= 0 && !queued.contains(seq))
                .sorted()
                .toArray();
        lateDuplicates = late.length == 0 ? null : late;
    }

    @Nullable
    SseFrame next() {
        if (first != null) {
            if (firstSent < first.size()) {
                return first.get(firstSent++);
            }
            first = null;
        }
        return queue.poll();
    }

    boolean isEmpty() {
        return first == null && queue.isEmpty();
    }

    /** A broadcast that has finished will not reach this connection any more. */
    void forgetFinishedBroadcasts(Set<Long> inFlight) {
        if (lateDuplicates != null) {
            long[] still =
                    Arrays.stream(lateDuplicates).filter(inFlight::contains).toArray();
            lateDuplicates = still.length == 0 ? null : still;
        }
    }

    void clear() {
        queue.clear();
        first = null;
        lateDuplicates = null;
    }

    private boolean lateDuplicate(long seq) {
        if (seq <= 0 || lateDuplicates == null) {
            return false;
        }
        int at = Arrays.binarySearch(lateDuplicates, seq);
        if (at < 0) {
            return false;
        }
        long[] rest = new long[lateDuplicates.length - 1];
        System.arraycopy(lateDuplicates, 0, rest, 0, at);
        System.arraycopy(lateDuplicates, at + 1, rest, at, rest.length - at);
        lateDuplicates = rest.length == 0 ? null : rest;
        return true;
    }
}

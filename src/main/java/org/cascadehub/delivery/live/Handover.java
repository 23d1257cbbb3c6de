package org.cascadehub.delivery.live;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;

/**
 * Hands connections that have a frame queued to the threads that write them: Netty connections to
 * their event loops in batches of {@value #BATCH}, each handed over as soon as it is full, so the
 * loops start writing while the rest are still being queued; servlet connections to the writer
 * threads at the end. For a broadcast ({@link #forBroadcast}), one big enough to fill a batch
 * counts as urgent work ({@link UrgentWork}) until every batch has been written; a smaller one (an
 * acknowledgement count, an alert to a few people) needs no cores set aside, nor does a heartbeat
 * sweep ({@link #forSweep}). Used by one thread.
 */
final class Handover {

    static final int BATCH = 512;

    private final @Nullable UrgentWork urgent;
    private final LiveWriters writers;
    private UrgentWork.Tracker tracker = UrgentWork.Tracker.NONE;
    private final Map<EventLoop, List<NettyConnection>> filling = new HashMap<>();
    private final List<LiveSink> others = new ArrayList<>();

    private Handover(@Nullable UrgentWork urgent, LiveWriters writers) {
        this.urgent = urgent;
        this.writers = writers;
    }

    static Handover forBroadcast(UrgentWork urgent, LiveWriters writers) {
        return new Handover(urgent, writers);
    }

    static Handover forSweep(LiveWriters writers) {
        return new Handover(null, writers);
    }

    /** A connection that has a frame queued and must be written. */
    void add(LiveSink sink) {
        if (!(sink instanceof NettyConnection connection)) {
            others.add(sink);
            return;
        }
        EventLoop loop = connection.loop();
        List<NettyConnection> batch = filling.computeIfAbsent(loop, l -> new ArrayList<>(BATCH));
        batch.add(connection);
        if (batch.size() == BATCH) {
            if (urgent != null && tracker == UrgentWork.Tracker.NONE) {
                tracker = urgent.begin(1); // the hand-over's own share, ended by finish()
            }
            filling.remove(loop);
            hand(loop, batch);
        }
    }

    /** Hands over what is left. */
    void finish() {
        filling.forEach(this::hand);
        filling.clear();
        tracker.add(writers.batches(others.size()));
        writers.drain(others, tracker);
        tracker.counting(() -> {}).run();
    }

    private void hand(EventLoop loop, List<NettyConnection> batch) {
        tracker.add(1);
        NettyConnection.writeOn(loop, batch, tracker);
    }
}

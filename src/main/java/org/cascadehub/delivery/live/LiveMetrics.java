package org.cascadehub.delivery.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.cascadehub.delivery.live.LiveConnection.CloseReason;

/**
 * The live stream's meters: {@code cascade.live.streams} (open now), {@code
 * cascade.live.streams.opened}, {@code cascade.live.streams.closed} by reason ({@code gone}, {@code
 * slow}: queue full, {@code stalled}, {@code access-ended}, {@code shutdown}), {@code
 * cascade.live.events} broadcast and {@code cascade.live.frames.sent}.
 */
final class LiveMetrics {

    private final Counter opened;
    private final Counter events;
    private final Counter framesSent;
    private final Map<CloseReason, Counter> closed = new EnumMap<>(CloseReason.class);

    LiveMetrics(MeterRegistry registry, IntSupplier open) {
        Gauge.builder("cascade.live.streams", open::getAsInt)
                .description("Live streams open on this node")
                .register(registry);
        opened = Counter.builder("cascade.live.streams.opened")
                .description("Live streams opened")
                .register(registry);
        events = Counter.builder("cascade.live.events")
                .description("Events broadcast to live streams")
                .register(registry);
        framesSent = Counter.builder("cascade.live.frames.sent")
                .description("Frames written to live streams (events, replays and heartbeats)")
                .register(registry);
        for (CloseReason reason : CloseReason.values()) {
            closed.put(
                    reason,
                    Counter.builder("cascade.live.streams.closed")
                            .description("Live streams closed, by reason")
                            .tag("reason", reason.tag)
                            .register(registry));
        }
    }

    void opened() {
        opened.increment();
    }

    void broadcast() {
        events.increment();
    }

    void sent(int frames) {
        if (frames > 0) {
            framesSent.increment(frames);
        }
    }

    void closed(CloseReason reason) {
        closed.get(reason).increment();
    }
}

package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cascadehub.directory.PersonId;
import org.junit.jupiter.api.Test;

class LiveRingTests {

    private final PersonId ada = PersonId.random();
    private final PersonId bo = PersonId.random();
    private final AtomicLong now = new AtomicLong();

    @Test
    void aPersonIsReplayedOnlyTheirOwnEventsAfterTheSeqTheyGive() {
        LiveRing ring = ring(settings(10, Duration.ofHours(1), 1000), 0);
        ring.add(frame(1), Set.of(ada));
        ring.add(frame(2), Set.of(bo));
        ring.add(frame(3), Set.of(ada, bo));
        ring.add(frame(4), Set.of(ada));

        assertThat(ring.since(1, ada).frames()).extracting(SseFrame::seq).containsExactly(3L, 4L);
        assertThat(ring.since(0, bo).frames()).extracting(SseFrame::seq).containsExactly(2L, 3L);
    }

    @Test
    void eventsBroadcastOutOfOrderAreReplayedInOrder() {
        LiveRing ring = ring(settings(10, Duration.ofHours(1), 1000), 0);
        ring.add(frame(7), Set.of(ada));
        ring.add(frame(5), Set.of(ada));
        ring.add(frame(6), Set.of(ada));

        assertThat(ring.since(4, ada).frames()).extracting(SseFrame::seq).containsExactly(5L, 6L, 7L);
    }

    @Test
    void theFloorStartsAtWhatWasGivenOutBeforeThisNodeStarted() {
        LiveRing ring = ring(settings(10, Duration.ofHours(1), 1000), 40);
        ring.add(frame(41), Set.of(ada));

        assertThat(ring.since(39, ada).floor()).isEqualTo(40);
        assertThat(ring.since(39, ada).frames()).extracting(SseFrame::seq).containsExactly(41L);
    }

    @Test
    void evictionByCountRaisesTheFloor() {
        LiveRing ring = ring(settings(2, Duration.ofHours(1), 1000), 0);
        ring.add(frame(1), Set.of(ada));
        ring.add(frame(2), Set.of(ada));
        ring.add(frame(3), Set.of(ada));

        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.since(0, ada).floor()).isEqualTo(1);
        assertThat(ring.since(0, ada).frames()).extracting(SseFrame::seq).containsExactly(2L, 3L);
    }

    @Test
    void evictionByAgeHappensWithoutNewEvents() {
        LiveRing ring = ring(settings(10, Duration.ofMinutes(5), 1000), 0);
        ring.add(frame(1), Set.of(ada));
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        ring.add(frame(2), Set.of(ada));
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        ring.expire();

        assertThat(ring.since(0, ada).frames()).extracting(SseFrame::seq).containsExactly(2L);
        assertThat(ring.floor()).isEqualTo(1);
    }

    @Test
    void evictionByRecipientsHeldBoundsLargeAudiences() {
        LiveRing ring = ring(settings(10, Duration.ofHours(1), 3), 0);
        ring.add(frame(1), Set.of(ada, bo));
        ring.add(frame(2), Set.of(ada, bo));

        assertThat(ring.size()).isEqualTo(1);
        assertThat(ring.floor()).isEqualTo(1);
    }

    private LiveRing ring(LiveSettings settings, long startingFloor) {
        return new LiveRing(settings, () -> startingFloor, now::get);
    }

    private static LiveSettings settings(int events, Duration age, long recipients) {
        return new LiveSettings(
                256, Duration.ofSeconds(15), Duration.ofSeconds(3), Duration.ofSeconds(60), events, age, recipients, 1);
    }

    private static SseFrame frame(long seq) {
        return new SseFrame(seq, new byte[0]);
    }
}

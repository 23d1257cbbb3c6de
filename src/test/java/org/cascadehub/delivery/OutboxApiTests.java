package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cascadehub.platform.RunMode;
import org.junit.jupiter.api.Test;

/** Email bodies (set-password links among them) are shown in demo mode only. */
class OutboxApiTests {

    @Test
    void productionNeverAsksForBodies() {
        RecordingOutbox outbox = new RecordingOutbox();

        new OutboxApi(outbox, RunMode.PRODUCTION).recent(50);
        new OutboxApi(outbox, RunMode.DEMO).recent(50);

        assertThat(outbox.askedForBodies).containsExactly(false, true);
    }

    @Test
    void theLimitStaysWithinBounds() {
        RecordingOutbox outbox = new RecordingOutbox();

        new OutboxApi(outbox, RunMode.DEMO).recent(0);
        new OutboxApi(outbox, RunMode.DEMO).recent(100_000);

        assertThat(outbox.limits).containsExactly(1, 500);
    }

    /** An outbox that remembers what it was asked, without a database. */
    private static final class RecordingOutbox extends EmailOutbox {
        final List<Boolean> askedForBodies = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        RecordingOutbox() {
            super(null, null, Clock.systemUTC(), null);
        }

        @Override
        public List<OutboundEmail> recent(int limit, boolean withBodies) {
            limits.add(limit);
            askedForBodies.add(withBodies);
            return List.of();
        }
    }
}

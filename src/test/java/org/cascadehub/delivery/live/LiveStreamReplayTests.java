package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadehub.delivery.live.Streams.alert;
import static org.cascadehub.delivery.live.Streams.nextSeq;

import java.util.List;
import org.cascadehub.delivery.live.SseClient.Block;
import org.cascadehub.delivery.live.Streams.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reconnecting with {@code Last-Event-ID}: what was missed comes first, in order, once, from the
 * ring or (further back) the replay source, and nothing broadcast meanwhile is lost or doubled.
 */
@LiveStreamTest
class LiveStreamReplayTests {

    private static final long OLD = TestReplaySource.HIGHEST_AT_START;

    @Autowired
    Streams streams;

    @Autowired
    LiveGateway gateway;

    @Autowired
    TestReplaySource database;

    @Test
    void missedEventsComeFromMemoryInOrderThenLiveOnes() {
        Member ada = streams.member();
        Member bo = streams.member();
        long seen = nextSeq();
        long first = nextSeq();
        long forBo = nextSeq();
        long second = nextSeq();
        gateway.broadcast(alert(seen, "seen before", ada.id()));
        gateway.broadcast(alert(first, "missed 1", ada.id()));
        gateway.broadcast(alert(forBo, "not for ada", bo.id()));
        gateway.broadcast(alert(second, "missed 2", ada.id()));

        try (SseClient stream = streams.open(ada, "Last-Event-ID", Long.toString(seen))) {
            long live = nextSeq();
            gateway.broadcast(alert(live, "live", ada.id()));

            assertThat(ids(stream.eventsUntil("live"))).containsExactly(first, second, live);
        }
    }

    @Test
    void aReloadedPageGivesTheLastIdAsAParameterAndTheHeaderWins() {
        Member ada = streams.member();
        long one = nextSeq();
        long two = nextSeq();
        gateway.broadcast(alert(one, "one", ada.id()));
        gateway.broadcast(alert(two, "two", ada.id()));

        try (SseClient byParameter = SseClient.open(
                        streams.port(),
                        "/api/v1/stream?lastEventId=" + (one - 1),
                        "Authorization",
                        "Bearer " + ada.token());
                SseClient headerWins = streams.open(ada, "Last-Event-ID", Long.toString(one))) {
            assertThat(ids(byParameter.eventsUntil("two"))).containsExactly(one, two);
            assertThat(ids(headerWins.eventsUntil("two"))).containsExactly(two);
        }
    }

    @Test
    void beyondTheRingTheReplaySourceFillsInAndEachSeqComesOnce() {
        Member ada = streams.member();
        database.store(alert(OLD - 20, "old 1", ada.id()));
        database.store(alert(OLD - 10, "old 2", ada.id()));
        long recent = nextSeq();
        // Both in the database and in the ring: sent once.
        database.store(alert(recent, "recent", ada.id()));
        gateway.broadcast(alert(recent, "recent", ada.id()));
        // Committed but not yet broadcast on this node: it comes live, not from the database.
        long pending = nextSeq();
        database.store(alert(pending, "pending", ada.id()));

        try (SseClient stream = streams.open(ada, "Last-Event-ID", Long.toString(OLD - 30))) {
            gateway.broadcast(alert(pending, "pending", ada.id()));

            assertThat(ids(stream.eventsUntil("pending"))).containsExactly(OLD - 20, OLD - 10, recent, pending);
        }
    }

    @Test
    void anEventBroadcastWhileTheReplayIsReadIsSentOnceAndNothingIsLost() throws InterruptedException {
        Member ada = streams.member();
        database.store(alert(OLD - 8, "old", ada.id()));
        long republished = OLD - 5;
        database.store(alert(republished, "republished", ada.id()));
        TestReplaySource.Hold hold = database.hold(ada.id());

        SseClient stream = streams.openRaw(ada, "Last-Event-ID", Long.toString(OLD - 9));
        try (stream) {
            hold.awaitReached();
            // The connection is registered and its replay is being read: both of these reach its
            // queue; the first is also in the replay, the second is not.
            gateway.broadcast(alert(republished, "republished", ada.id()));
            long live = nextSeq();
            gateway.broadcast(alert(live, "during replay", ada.id()));
            hold.release().countDown();

            assertThat(stream.status()).isEqualTo(200);
            assertThat(ids(stream.eventsUntil("during replay"))).containsExactly(OLD - 8, republished, live);
            long after = nextSeq();
            gateway.broadcast(alert(after, "after", ada.id()));
            assertThat(ids(stream.eventsUntil("after"))).containsExactly(after);
        }
    }

    private static List<Long> ids(List<Block> events) {
        return events.stream().map(Block::id).toList();
    }
}

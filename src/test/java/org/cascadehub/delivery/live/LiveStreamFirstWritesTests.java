package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cascadehub.delivery.live.Streams.alert;
import static org.cascadehub.delivery.live.Streams.nextSeq;

import java.util.ArrayList;
import java.util.List;
import org.cascadehub.delivery.live.Streams.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many fresh streams, each sent an event the moment it is registered, while its first writes (the
 * {@code retry:}) are still under way: every stream must receive its event, intact.
 */
@LiveStreamTest
class LiveStreamFirstWritesTests {

    private static final int MEMBERS = 8;
    private static final int ROUNDS = 10;

    @Autowired
    Streams streams;

    @Autowired
    LiveGateway gateway;

    @Test
    void everyFreshStreamReceivesWhatIsBroadcastDuringItsFirstWrites() {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(streams.member());
        }
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<SseClient> clients = new ArrayList<>();
            for (Member member : members) {
                clients.add(streams.openRaw(member));
            }
            for (Member member : members) {
                await().until(() -> gateway.connected(member.id()));
                gateway.broadcast(alert(nextSeq(), "round " + round, member.id()));
            }
            for (int i = 0; i < MEMBERS; i++) {
                try (SseClient client = clients.get(i)) {
                    assertThat(client.nextEvent().data()).contains("round " + round);
                } catch (AssertionError e) {
                    failures.add("round " + round + ", stream " + i + ": " + e.getMessage());
                }
            }
            for (Member member : members) {
                gateway.closePerson(member.id());
            }
        }
        assertThat(failures).as("streams that did not receive their event").isEmpty();
    }
}

package org.cascadehub.delivery.live;

import java.util.List;
import org.cascadehub.directory.PersonId;

/**
 * Where replay looks for events the in-memory ring no longer (or never) held: for alerts, the
 * database. Supply one as a bean; without one, replay reaches back only as far as the ring.
 */
public interface ReplaySource {

    /**
     * The replayable events addressed to the person with a {@code seq} above {@code afterSeq}, in
     * any order ({@code recipients} of the answers are not consulted). Called on the reconnecting
     * request's thread, only when the ring does not reach back that far.
     */
    List<LiveEvent> since(long afterSeq, PersonId person);

    /**
     * The highest {@code seq} already given out, read when the gateway starts: the ring holds
     * nothing from before, so a reconnect that reaches back past it asks {@link #since}.
     */
    long highestSeq();

    /** Replays nothing: the ring is all there is. */
    static ReplaySource none() {
        return None.INSTANCE;
    }

    /** The source that holds nothing. */
    enum None implements ReplaySource {
        INSTANCE;

        @Override
        public List<LiveEvent> since(long afterSeq, PersonId person) {
            return List.of();
        }

        @Override
        public long highestSeq() {
            return 0;
        }
    }
}

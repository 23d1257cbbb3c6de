package org.cascadehub.delivery.live;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import org.cascadehub.directory.PersonId;

/**
 * One event for live streams: the SSE event {@code type} with {@code json} (UTF-8) as its data, for
 * the people in {@code recipients}.
 *
 * <p>A replayable event has a positive {@code seq}, monotonic across all events (the SSE {@code
 * id:}); a client that reconnects with {@code Last-Event-ID} gets the replayable events it missed.
 * An event with {@code seq} {@link #UNSEQUENCED} (such as a changed acknowledgement count) goes to
 * whoever is connected now and is sent without an {@code id:}.
 *
 * <p>Neither {@code json} nor {@code recipients} is copied: the ring of recent events keeps them, so
 * a large audience is held once, not once per connection, and an alert's 19,000 recipients are not
 * copied between its commit and its broadcast (that copy took 2 to 9 ms of the publish request).
 * Change neither after passing it: pass a set nobody else holds a changeable reference to (a
 * {@link Set#copyOf}, or a read-only view of a map nobody changes any more).
 *
 * @param type the SSE event name: 1 to 64 of {@code A-Z a-z 0-9 _ - . :}
 */
public record LiveEvent(long seq, String type, byte[] json, Set<PersonId> recipients) {

    public static final long UNSEQUENCED = 0;

    public LiveEvent {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be positive, or UNSEQUENCED (0), not " + seq);
        }
        SseFrames.requireEventName(type);
        Objects.requireNonNull(json, "json");
        recipients = Collections.unmodifiableSet(Objects.requireNonNull(recipients, "recipients"));
    }

    /** An event a reconnecting client is sent again if it missed it. */
    public static LiveEvent replayable(long seq, String type, byte[] json, Set<PersonId> recipients) {
        if (seq <= 0) {
            throw new IllegalArgumentException("a replayable event needs a positive seq, not " + seq);
        }
        return new LiveEvent(seq, type, json, recipients);
    }

    /** An event for whoever is connected now, never replayed. */
    public static LiveEvent unsequenced(String type, byte[] json, Set<PersonId> recipients) {
        return new LiveEvent(UNSEQUENCED, type, json, recipients);
    }

    public boolean isReplayable() {
        return seq > 0;
    }
}

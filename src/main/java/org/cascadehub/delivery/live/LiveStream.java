package org.cascadehub.delivery.live;

import org.cascadehub.directory.PersonId;

/** Pushes events to the people who have a live stream open ({@code GET /api/v1/stream}). */
public interface LiveStream {

    /**
     * Queues the event on every open stream of its recipients and returns at once: it never waits
     * for a connection. A replayable event is also kept for {@code Last-Event-ID} replay, so call
     * this for every replayable event, also when none of its recipients is connected now. Events
     * should be broadcast in {@code seq} order: a client that reconnects gets only events with a
     * higher {@code seq} than the last it saw.
     */
    void broadcast(LiveEvent event);

    /** Whether the person has at least one stream open on this node (the "screen" channel). */
    boolean connected(PersonId person);

    /** Streams open on this node. */
    int openStreams();
}

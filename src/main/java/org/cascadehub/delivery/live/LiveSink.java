package org.cascadehub.delivery.live;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.cascadehub.delivery.live.LiveConnection.CloseReason;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway and its registry need from an open stream, whichever server holds it: a servlet
 * async request ({@link LiveConnection}) or a Netty channel ({@link NettyConnection}). Each keeps a
 * bounded queue of shared frames and closes itself when a frame arrives with the queue full.
 */
abstract sealed class LiveSink permits LiveConnection, NettyConnection {

    abstract PersonId person();

    abstract OrganisationId organisation();

    /** The session the stream was opened with, or {@code null} for a bearer token. */
    abstract @Nullable String sessionId();

    /**
     * Queues a frame; answers whether the caller must now {@link #drain} (the connection was idle).
     * A full queue closes the connection instead.
     */
    abstract boolean offer(SseFrame frame);

    /** Starts writing: {@code frames} (the {@code retry:} and the replay) first, each seq once. */
    abstract void begin(List<SseFrame> frames, Set<Long> inFlight) throws IOException;

    /** Writes what is queued, never blocking. */
    abstract void drain();

    /**
     * Queues a heartbeat if nothing was queued since the previous call and nothing waits ({@link
     * PendingFrames#heartbeatIfQuiet}), and closes the connection if the socket has taken nothing for
     * longer than {@code stallNanos}. Answers whether the caller must drain.
     */
    abstract boolean heartbeat(long stallNanos, Set<Long> inFlight);

    abstract void close(CloseReason reason);
}

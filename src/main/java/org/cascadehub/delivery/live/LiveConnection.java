package org.cascadehub.delivery.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.jspecify.annotations.Nullable;

/**
 * One open stream: a bounded queue of shared frames and a non-blocking writer. No thread waits on
 * it: whoever finds it idle with something queued drains it ({@link #drain}) until the queue is
 * empty or the socket cannot take more, and the container calls {@link #onWritePossible} when it
 * can. One thread drains at a time (state {@code WRITING}); everything else only queues.
 */
final class LiveConnection extends LiveSink implements WriteListener, AsyncListener {

    /** Why a connection was closed (a metric tag). */
    enum CloseReason {
        GONE("gone"),
        SLOW("slow"),
        STALLED("stalled"),
        ACCESS_ENDED("access-ended"),
        SHUTDOWN("shutdown");

        final String tag;

        CloseReason(String tag) {
            this.tag = tag;
        }
    }

    /** What a connection reports to the gateway holding it. */
    interface Owner {
        void closed(LiveSink connection, CloseReason reason);

        void sent(int frames);
    }

    /**
     * STARTING until the container first says it can write; IDLE with nothing queued; WRITING
     * while one thread drains; WAITING for the container's callback once the socket is full.
     */
    private enum State {
        STARTING,
        IDLE,
        WRITING,
        WAITING,
        CLOSED
    }

    private final PersonId person;
    private final OrganisationId organisation;
    private final @Nullable String sessionId;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final Owner owner;
    private final LongSupplier nanoClock;

    // Guarded by this.
    private final PendingFrames pending;
    private State state = State.STARTING;
    private boolean woken;
    private long blockedSince;

    // Only touched by the draining thread.
    private boolean unflushed;

    LiveConnection(
            PersonId person,
            OrganisationId organisation,
            @Nullable String sessionId,
            AsyncContext async,
            ServletOutputStream out,
            int capacity,
            Owner owner,
            LongSupplier nanoClock) {
        this.person = person;
        this.organisation = organisation;
        this.sessionId = sessionId;
        this.async = async;
        this.out = out;
        this.pending = new PendingFrames(capacity);
        this.owner = owner;
        this.nanoClock = nanoClock;
    }

    PersonId person() {
        return person;
    }

    OrganisationId organisation() {
        return organisation;
    }

    @Nullable
    String sessionId() {
        return sessionId;
    }

    /**
     * Queues a frame; answers whether the caller must now {@link #drain} (the connection was idle).
     * A full queue closes the connection instead.
     */
    boolean offer(SseFrame frame) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            PendingFrames.Added added = pending.add(frame);
            if (added != PendingFrames.Added.FULL) {
                return added == PendingFrames.Added.QUEUED && wake();
            }
        }
        close(CloseReason.SLOW);
        return false;
    }

    /**
     * Starts writing: {@code frames} (the {@code retry:} frame and the replay) go before anything
     * queued since the connection was registered, each seq once (see {@link PendingFrames#putFirst}).
     * The lock keeps broadcasts out while it runs, so none slips between the check and the start.
     */
    void begin(List<SseFrame> frames, Set<Long> inFlight) throws IOException {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            pending.putFirst(frames, inFlight);
        }
        try {
            out.setWriteListener(this);
        } catch (IllegalStateException closedMeanwhile) {
            close(CloseReason.GONE);
        }
    }

    /** Writes until nothing is queued or the socket is full; never blocks. */
    void drain() {
        int written = 0;
        try {
            while (true) {
                if (!out.isReady()) {
                    if (park()) {
                        continue;
                    }
                    return;
                }
                SseFrame frame;
                synchronized (this) {
                    if (state == State.CLOSED) {
                        break;
                    }
                    frame = pending.next();
                    if (frame == null && !unflushed) {
                        state = State.IDLE;
                        return;
                    }
                }
                if (frame == null) {
                    out.flush();
                    unflushed = false;
                } else {
                    out.write(frame.bytes());
                    unflushed = true;
                    written++;
                }
            }
        } catch (IOException | RuntimeException e) {
            close(CloseReason.GONE);
        } finally {
            owner.sent(written);
        }
        complete();
    }

    /**
     * Queues a heartbeat if nothing was queued since the previous call and nothing waits ({@link
     * PendingFrames#heartbeatIfQuiet}), and closes the connection if the socket has taken nothing for
     * longer than {@code stallNanos}. Answers whether the caller must drain.
     */
    boolean heartbeat(long stallNanos, Set<Long> inFlight) {
        synchronized (this) {
            if (state == State.CLOSED || state == State.STARTING) {
                return false;
            }
            pending.forgetFinishedBroadcasts(inFlight);
            boolean stalled = state == State.WAITING && nanoClock.getAsLong() - blockedSince > stallNanos;
            if (!stalled) {
                return pending.heartbeatIfQuiet() && wake();
            }
        }
        close(CloseReason.STALLED);
        return false;
    }

    void close(CloseReason reason) {
        boolean completeNow;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            completeNow = state != State.WRITING;
            state = State.CLOSED;
            pending.clear();
        }
        owner.closed(this, reason);
        if (completeNow) {
            complete();
        }
    }

    @Override
    public void onWritePossible() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state == State.WRITING) {
                woken = true;
                return;
            }
            state = State.WRITING;
            woken = false;
        }
        drain();
    }

    /*
     * The container's reports that the connection failed: complete on its own thread, whoever is
     * writing, or it dispatches the request again as an error once the listeners return.
     */

    @Override
    public void onError(Throwable failure) {
        close(CloseReason.GONE);
        complete();
    }

    @Override
    public void onError(AsyncEvent event) {
        close(CloseReason.GONE);
        complete();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close(CloseReason.GONE);
        complete();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close(CloseReason.GONE);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Started once, by the gateway.
    }

    private boolean wake() {
        if (state == State.IDLE) {
            state = State.WRITING;
            return true;
        }
        return false;
    }

    /** The socket is full: wait for the container's call, unless it came while this thread was busy. */
    private boolean park() {
        synchronized (this) {
            if (state != State.CLOSED) {
                if (woken) {
                    woken = false;
                    return true;
                }
                state = State.WAITING;
                blockedSince = nanoClock.getAsLong();
                return false;
            }
        }
        complete();
        return false;
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // The container ended it first (the client left).
        }
    }
}

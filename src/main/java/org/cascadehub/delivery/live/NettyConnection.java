package org.cascadehub.delivery.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.cascadehub.delivery.live.LiveConnection.CloseReason;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.UrgentWork;
import org.jspecify.annotations.Nullable;

/**
 * One stream held by the Netty server: the same bounded queue of shared frames as a servlet stream,
 * written by the channel's event loop. Queuing on an idle connection answers that it must be
 * written, and the gateway hands a broadcast's connections to their loops, one task per batch
 * ({@link Handover}); the loop writes until the queue is empty or the channel's small outbound
 * buffer is full, and resumes when Netty reports it writable again. Every connection writes a view
 * of the same bytes ({@link ChunkedFrame}), not a copy.
 */
final class NettyConnection extends LiveSink {

    /** The end of a chunked body. */
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** IDLE with nothing queued; SCHEDULED while a write task is queued or running on the loop. */
    private enum State {
        STARTING,
        IDLE,
        SCHEDULED,
        WAITING,
        CLOSED
    }

    private final PersonId person;
    private final OrganisationId organisation;
    private final Channel channel;
    private final EventLoop loop;
    private final LiveConnection.Owner owner;
    private final LongSupplier nanoClock;

    // Guarded by this.
    private final PendingFrames pending;
    private State state = State.STARTING;
    private long blockedSince;

    NettyConnection(
            PersonId person,
            OrganisationId organisation,
            Channel channel,
            int capacity,
            LiveConnection.Owner owner,
            LongSupplier nanoClock) {
        this.person = person;
        this.organisation = organisation;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.pending = new PendingFrames(capacity);
        this.owner = owner;
        this.nanoClock = nanoClock;
    }

    @Override
    PersonId person() {
        return person;
    }

    @Override
    OrganisationId organisation() {
        return organisation;
    }

    @Override
    @Nullable
    String sessionId() {
        return null;
    }

    EventLoop loop() {
        return loop;
    }

    /** The kernel's send buffer for this stream's socket, as the kernel reports it. */
    int sendBuffer() {
        return ((io.netty.channel.socket.SocketChannel) channel).config().getSendBufferSize();
    }

    @Override
    boolean offer(SseFrame frame) {
        boolean full;
        boolean schedule = false;
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            PendingFrames.Added added = pending.add(frame);
            full = added == PendingFrames.Added.FULL;
            if (added == PendingFrames.Added.QUEUED) {
                schedule = wake();
            }
        }
        if (full) {
            close(CloseReason.SLOW);
        }
        return schedule;
    }

    /** Sends the response headers, then {@code frames}, then whatever was queued meanwhile. */
    @Override
    void begin(List<SseFrame> frames, Set<Long> inFlight) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            pending.putFirst(frames, inFlight);
            state = State.SCHEDULED;
        }
        execute(() -> {
            if (channel.isActive()) {
                channel.write(streamHeaders());
                // The headers are encoded now; from here the chunks are written as they are.
                channel.pipeline().remove(HttpResponseEncoder.class);
            }
            write();
        });
    }

    /** Writes on the channel's loop; a broadcast uses {@link Handover} instead, one task per batch. */
    @Override
    void drain() {
        schedule();
    }

    /** One task on the loop writes the whole batch (a task per connection would cost more than the writes). */
    static void writeOn(EventLoop loop, List<NettyConnection> batch, UrgentWork.Tracker tracker) {
        Runnable write = tracker.counting(() -> batch.forEach(NettyConnection::write));
        try {
            loop.execute(write);
        } catch (RejectedExecutionException loopStopped) {
            batch.forEach(connection -> connection.close(CloseReason.SHUTDOWN));
            tracker.counting(() -> {}).run();
        }
    }

    @Override
    boolean heartbeat(long stallNanos, Set<Long> inFlight) {
        boolean schedule;
        boolean stalled;
        synchronized (this) {
            if (state == State.CLOSED || state == State.STARTING) {
                return false;
            }
            pending.forgetFinishedBroadcasts(inFlight);
            stalled = state == State.WAITING && nanoClock.getAsLong() - blockedSince > stallNanos;
            schedule = !stalled && pending.heartbeatIfQuiet() && wake();
        }
        if (stalled) {
            close(CloseReason.STALLED);
        }
        return schedule;
    }

    /**
     * Ends the stream: for shutdown and ended access with the last chunk (a clean end, which clients
     * answer by reconnecting), otherwise by closing the socket at once (the client is gone or stuck).
     */
    @Override
    void close(CloseReason reason) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            pending.clear();
        }
        owner.closed(this, reason);
        if (reason != CloseReason.SHUTDOWN && reason != CloseReason.ACCESS_ENDED) {
            channel.close();
            return;
        }
        try {
            channel.eventLoop().execute(this::end);
        } catch (RejectedExecutionException loopStopped) {
            channel.close();
        }
    }

    /** On the event loop: the last chunk if the headers went out (the encoder is gone) and it fits. */
    private void end() {
        if (channel.pipeline().get(HttpResponseEncoder.class) == null && channel.isWritable()) {
            channel.writeAndFlush(Unpooled.wrappedBuffer(LAST_CHUNK));
        }
        channel.close();
    }

    /** Netty says the outbound buffer has drained below its low mark: go on writing. */
    void writable() {
        synchronized (this) {
            if (state != State.WAITING) {
                return;
            }
            state = State.SCHEDULED;
        }
        write();
    }

    /** On the event loop: writes until nothing is queued or the channel cannot take more. */
    private void write() {
        int written = 0;
        try {
            while (true) {
                SseFrame frame;
                synchronized (this) {
                    if (state == State.CLOSED) {
                        return;
                    }
                    if (!channel.isWritable()) {
                        state = State.WAITING;
                        blockedSince = nanoClock.getAsLong();
                        break;
                    }
                    frame = pending.next();
                    if (frame == null) {
                        state = State.IDLE;
                        break;
                    }
                }
                channel.write(ChunkedFrame.of(frame), channel.voidPromise());
                written++;
            }
            channel.flush();
        } finally {
            owner.sent(written);
        }
    }

    /** What the servlet stream answers with, so the same clients read both. */
    static HttpResponse streamHeaders() {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set("X-Accel-Buffering", "no")
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        return response;
    }

    private boolean wake() {
        if (state == State.IDLE) {
            state = State.SCHEDULED;
            return true;
        }
        return false;
    }

    private void schedule() {
        execute(this::write);
    }

    private void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException loopStopped) {
            close(CloseReason.SHUTDOWN);
        }
    }
}

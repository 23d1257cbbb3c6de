package org.cascadehub.delivery.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A frame as one HTTP/1.1 chunk (size, CR LF, the frame, CR LF) for the Netty streams. The frame
 * being broadcast, and the heartbeat, are encoded once into memory outside the Java heap, and every
 * stream writes a view of those same bytes, which the kernel copies from directly (a heap array is
 * first copied into a pooled direct buffer, once per stream). A frame met out of turn (a replay, a
 * stream catching up) is encoded on the heap for its one write.
 */
record ChunkedFrame(SseFrame frame, ByteBuffer chunk) {

    private static final ChunkedFrame HEARTBEAT = direct(SseFrames.HEARTBEAT);
    private static volatile ChunkedFrame broadcast = HEARTBEAT;

    /** Encodes the frame about to be broadcast, before any stream writes it. */
    static void broadcasting(SseFrame frame) {
        broadcast = direct(frame);
    }

    /** The frame's chunk, to write once: a view that frees nothing when Netty releases it. */
    static ByteBuf of(SseFrame frame) {
        ChunkedFrame held = broadcast;
        if (held.frame != frame) {
            held = frame == SseFrames.HEARTBEAT ? HEARTBEAT : null;
        }
        return held == null ? Unpooled.wrappedBuffer(encode(frame)) : Unpooled.wrappedBuffer(held.chunk.duplicate());
    }

    private static ChunkedFrame direct(SseFrame frame) {
        byte[] chunk = encode(frame);
        return new ChunkedFrame(
                frame, ByteBuffer.allocateDirect(chunk.length).put(chunk).flip().asReadOnlyBuffer());
    }

    private static byte[] encode(SseFrame frame) {
        byte[] size = (Integer.toHexString(frame.bytes().length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[size.length + frame.bytes().length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(frame.bytes(), 0, chunk, size.length, frame.bytes().length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }
}

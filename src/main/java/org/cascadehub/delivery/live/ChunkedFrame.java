package org.cascadehub.delivery.live;

import java.nio.charset.StandardCharsets;

/**
 * A frame as one HTTP/1.1 chunk (size, CR LF, the frame, CR LF), encoded once per broadcast: a
 * broadcast writes the same frame to every stream in a row, so the last one encoded is kept and
 * every stream's event loop writes that same array. A frame met out of turn (a replay, a stream
 * catching up) is encoded again, which costs a copy, not a wrong byte.
 */
record ChunkedFrame(SseFrame frame, byte[] chunk) {

    private static volatile ChunkedFrame last = new ChunkedFrame(SseFrames.HEARTBEAT, encode(SseFrames.HEARTBEAT));

    static byte[] of(SseFrame frame) {
        ChunkedFrame held = last;
        if (held.frame == frame) {
            return held.chunk;
        }
        byte[] chunk = encode(frame);
        last = new ChunkedFrame(frame, chunk);
        return chunk;
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

package org.cascadehub.delivery.live;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Encodes Server-Sent Events frames (WHATWG HTML, "Server-sent events"). Data is split at every
 * line break (CR LF, LF or CR) into one {@code data:} line each, so no line of the payload can
 * start a field of its own; event names are restricted so they cannot carry a line break either.
 * Splitting bytes is safe for UTF-8: CR and LF never occur inside a multi-byte character.
 */
final class SseFrames {

    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final byte[] ID = ascii("id: ");
    private static final byte[] EVENT = ascii("event: ");
    private static final byte[] DATA = ascii("data: ");
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** A comment: clients ignore it, but it keeps proxies from timing out and finds dead connections. */
    static final SseFrame HEARTBEAT = new SseFrame(0, ascii(": heartbeat\n\n"));

    private SseFrames() {}

    static void requireEventName(String type) {
        if (type == null || !EVENT_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "an SSE event name is 1 to 64 of A-Z a-z 0-9 _ - . : (no spaces or line breaks)");
        }
    }

    static SseFrame encode(LiveEvent event) {
        byte[] data = event.json();
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(data.length + 48 + event.type().length());
        if (event.isReplayable()) {
            out.writeBytes(ID);
            out.writeBytes(ascii(Long.toString(event.seq())));
            out.write(LF);
        }
        out.writeBytes(EVENT);
        out.writeBytes(ascii(event.type()));
        out.write(LF);
        writeData(out, data);
        out.write(LF);
        return new SseFrame(event.seq(), out.toByteArray());
    }

    /** The first frame of every stream: how long the client should wait before reconnecting. */
    static SseFrame retry(Duration wait) {
        return new SseFrame(0, ascii("retry: " + wait.toMillis() + "\n\n"));
    }

    private static void writeData(ByteArrayOutputStream out, byte[] data) {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == CR || data[i] == LF) {
                writeDataLine(out, data, start, i);
                if (data[i] == CR && i + 1 < data.length && data[i + 1] == LF) {
                    i++;
                }
                start = i + 1;
            }
        }
        writeDataLine(out, data, start, data.length);
    }

    private static void writeDataLine(ByteArrayOutputStream out, byte[] data, int from, int to) {
        out.writeBytes(DATA);
        out.write(data, from, to - from);
        out.write(LF);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

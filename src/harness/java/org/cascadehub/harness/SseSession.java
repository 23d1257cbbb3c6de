package org.cascadehub.harness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Server-Sent Events over HTTP/1.1: a GET with the headers a browser's EventSource sends, the
 * status line and headers, a body either chunked or until the connection closes, and the event
 * stream's lines ({@code id:}, {@code event:}, {@code data:}, comments, a blank line ending an
 * event). The alert id is read from the {@code data:} JSON of {@code alert} events.
 */
final class SseSession implements Session {

    private enum State {
        HEADERS,
        BODY
    }

    private enum Chunk {
        SIZE,
        DATA,
        DATA_END,
        DONE
    }

    private final String host;
    private final String path;
    private final @Nullable String token;
    private final long lastEventId;

    private State state = State.HEADERS;
    private final Bytes line = new Bytes();
    private boolean statusRead;
    private boolean refused;
    private boolean chunked;
    private Chunk chunk = Chunk.SIZE;
    private long chunkLeft;
    private final Bytes chunkSize = new Bytes();

    private long dataAlertId = -1;
    private int dataBytes;
    private boolean hasData;
    private boolean countedType = true;
    private long lastId;

    SseSession(String host, String path, @Nullable String token, long lastEventId) {
        this.host = host;
        this.path = path;
        this.token = token;
        this.lastEventId = lastEventId;
        this.lastId = lastEventId;
    }

    /** The last {@code id:} seen, for {@code Last-Event-ID} on reconnect. */
    long lastId() {
        return lastId;
    }

    @Override
    public ByteBuffer opening() {
        StringBuilder request = new StringBuilder()
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (lastEventId > 0) {
            request.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
        }
        request.append("\r\n");
        return ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void read(ByteBuffer in, long receivedNanos, Events events) {
        if (refused) {
            in.position(in.limit());
            return;
        }
        byte[] array = in.array();
        int position = in.arrayOffset() + in.position();
        int limit = in.arrayOffset() + in.limit();
        while (position < limit && state == State.HEADERS) {
            byte b = array[position++];
            if (b != '\n') {
                line.add(b);
                continue;
            }
            if (line.length > 0 && line.array[line.length - 1] == '\r') {
                line.length--;
            }
            if (!header(events)) {
                in.position(in.limit());
                return;
            }
            line.clear();
        }
        if (state == State.BODY) {
            if (chunked) {
                dechunk(array, position, limit, receivedNanos, events);
            } else {
                stream(array, position, limit, receivedNanos, events);
            }
        }
        in.position(in.limit());
    }

    /** One header line; false when the answer is not an event stream. */
    private boolean header(Events events) {
        if (!statusRead) {
            statusRead = true;
            String status = line.ascii(0);
            if (!status.startsWith("HTTP/1.1 200") && !status.startsWith("HTTP/1.0 200")) {
                refused = true;
                events.failed("answered " + status);
                return false;
            }
            return true;
        }
        if (line.length == 0) {
            state = State.BODY;
            line.clear();
            events.ready();
            return true;
        }
        String header = line.ascii(0).toLowerCase(Locale.ROOT);
        if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
            chunked = true;
        }
        return true;
    }

    private void dechunk(byte[] array, int from, int to, long receivedNanos, Events events) {
        int i = from;
        while (i < to) {
            switch (chunk) {
                case SIZE -> {
                    byte b = array[i++];
                    if (b == '\n') {
                        chunkLeft = parseHex(chunkSize);
                        chunkSize.clear();
                        chunk = chunkLeft == 0 ? Chunk.DONE : Chunk.DATA;
                    } else {
                        chunkSize.add(b);
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(chunkLeft, to - i);
                    stream(array, i, i + n, receivedNanos, events);
                    i += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        chunk = Chunk.DATA_END;
                    }
                }
                case DATA_END -> {
                    if (array[i++] == '\n') {
                        chunk = Chunk.SIZE;
                    }
                }
                case DONE -> i = to;
            }
        }
    }

    private static long parseHex(Bytes size) {
        long value = 0;
        for (int i = 0; i < size.length; i++) {
            int digit = Character.digit(size.array[i], 16);
            if (digit < 0) {
                break; // ';' starts a chunk extension, '\r' ends the line
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** The event stream's lines. */
    private void stream(byte[] array, int from, int to, long receivedNanos, Events events) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (array[i] != '\n') {
                continue;
            }
            int end = i > start && array[i - 1] == '\r' ? i - 1 : i;
            if (line.length == 0) {
                streamLine(array, start, end, receivedNanos, events);
            } else {
                line.add(array, start, i - start);
                int length = line.length > 0 && line.array[line.length - 1] == '\r' ? line.length - 1 : line.length;
                streamLine(line.array, 0, length, receivedNanos, events);
                line.clear();
            }
            start = i + 1;
        }
        if (start < to) {
            line.add(array, start, to - start);
        }
    }

    private void streamLine(byte[] bytes, int from, int to, long receivedNanos, Events events) {
        if (from == to) {
            if (hasData && countedType) {
                events.event(dataAlertId, dataBytes, receivedNanos);
            }
            countedType = true;
            hasData = false;
            dataAlertId = -1;
            dataBytes = 0;
            return;
        }
        if (bytes[from] == ':') {
            return; // a comment: a heartbeat
        }
        if (startsWith(bytes, from, to, "data:")) {
            int value = from + 5 + (to > from + 5 && bytes[from + 5] == ' ' ? 1 : 0);
            if (dataAlertId < 0) {
                dataAlertId = Session.alertId(bytes, value, to);
            }
            dataBytes += hasData ? to - value + 1 : to - value;
            hasData = true;
        } else if (startsWith(bytes, from, to, "event:")) {
            // Alerts (and untyped messages, as the floor sends none) count; other events, such as
            // Cascade's acknowledgement counts, carry an alert id too but are not deliveries.
            String type = new String(bytes, from + 6, to - from - 6, StandardCharsets.US_ASCII).trim();
            countedType = type.equals("alert") || type.equals("message");
        } else if (startsWith(bytes, from, to, "id:")) {
            long id = 0;
            for (int i = from + 3; i < to; i++) {
                if (bytes[i] >= '0' && bytes[i] <= '9') {
                    id = id * 10 + (bytes[i] - '0');
                }
            }
            lastId = id;
        }
    }

    private static boolean startsWith(byte[] bytes, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

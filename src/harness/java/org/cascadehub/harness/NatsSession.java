package org.cascadehub.harness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * NATS's text protocol as a subscriber: CONNECT, SUB and a PING sent at once (the PONG says the
 * server has the subscription), then INFO, MSG with its payload, PING answered with PONG.
 */
final class NatsSession implements Session {

    static final ByteBuffer PONG = ByteBuffer.wrap("PONG\r\n".getBytes(StandardCharsets.US_ASCII));

    private final String subject;
    private final Bytes line = new Bytes();
    private final Bytes payload = new Bytes();
    private int payloadLeft = -1;
    private boolean ready;

    NatsSession(String subject) {
        this.subject = subject;
    }

    @Override
    public ByteBuffer opening() {
        String opening = "CONNECT {\"verbose\":false,\"pedantic\":false,\"protocol\":1}\r\nSUB " + subject
                + " 1\r\nPING\r\n";
        return ByteBuffer.wrap(opening.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void read(ByteBuffer in, long receivedNanos, Events events) {
        byte[] array = in.array();
        int i = in.arrayOffset() + in.position();
        int to = in.arrayOffset() + in.limit();
        while (i < to) {
            if (payloadLeft >= 0) {
                int n = Math.min(payloadLeft, to - i);
                payload.add(array, i, n);
                i += n;
                payloadLeft -= n;
                if (payloadLeft == 0) {
                    // The payload is followed by CRLF, which the line reader skips as an empty line.
                    int size = payload.length;
                    events.event(Session.alertId(payload.array, 0, size), size, receivedNanos);
                    payload.clear();
                    payloadLeft = -1;
                }
                continue;
            }
            byte b = array[i++];
            if (b != '\n') {
                line.add(b);
                continue;
            }
            if (line.length > 0 && line.array[line.length - 1] == '\r') {
                line.length--;
            }
            operation(events);
            line.clear();
        }
        in.position(in.limit());
    }

    private void operation(Events events) {
        if (line.startsWith("MSG ")) {
            // MSG <subject> <sid> [reply-to] <#bytes>
            int size = 0;
            int i = line.length - 1;
            int scale = 1;
            while (i >= 0 && line.array[i] >= '0' && line.array[i] <= '9') {
                size += (line.array[i--] - '0') * scale;
                scale *= 10;
            }
            payloadLeft = size;
        } else if (line.startsWith("PING")) {
            events.send(PONG.duplicate());
        } else if (line.startsWith("PONG")) {
            if (!ready) {
                ready = true;
                events.ready();
            }
        } else if (line.startsWith("-ERR")) {
            events.failed(line.ascii(0));
        }
    }
}

package org.cascadehub.harness;

import java.nio.ByteBuffer;

/**
 * One subscriber's protocol state: what it sends once connected and how it reads what arrives.
 * Sessions are driven by one selector thread and never block.
 */
interface Session {

    /** What to send as soon as the TCP connection is open. */
    ByteBuffer opening();

    /** Reads bytes as they arrive; the buffer's position is advanced past everything consumed. */
    void read(ByteBuffer in, long receivedNanos, Events events);

    /** What a session reports to its connection. */
    interface Events {

        /** Subscribed: from now on every published event must arrive. */
        void ready();

        /** One event, with the alert id found in its payload and the payload's size in bytes. */
        void event(long alertId, int payloadBytes, long receivedNanos);

        /** Bytes the protocol needs sent back (a PONG, a SUBSCRIBE after CONNACK). */
        void send(ByteBuffer bytes);

        /** The server refused or broke the protocol; the connection is closed. */
        void failed(String why);
    }

    /** Finds {@code "alertId":<number>} in a JSON payload; -1 if it has none. */
    static long alertId(byte[] bytes, int from, int to) {
        byte[] key = ALERT_ID;
        outer:
        for (int i = from; i <= to - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (bytes[i + k] != key[k]) {
                    continue outer;
                }
            }
            int j = i + key.length;
            while (j < to && (bytes[j] == ' ' || bytes[j] == ':')) {
                j++;
            }
            long value = 0;
            boolean digits = false;
            while (j < to && bytes[j] >= '0' && bytes[j] <= '9') {
                value = value * 10 + (bytes[j++] - '0');
                digits = true;
            }
            return digits ? value : -1;
        }
        return -1;
    }

    byte[] ALERT_ID = "\"alertId\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}

package org.cascadehub.harness;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 as a subscriber: CONNECT (clean session), SUBSCRIBE at QoS 0 once CONNACK accepts,
 * ready at SUBACK, then PUBLISH packets; PINGRESP is read and ignored. Packets are read whole
 * (fixed header, remaining length, body).
 */
final class MqttSession implements Session {

    static final int KEEP_ALIVE_SECONDS = 600;
    static final ByteBuffer PINGREQ = ByteBuffer.wrap(new byte[] {(byte) 0xC0, 0});

    private final String clientId;
    private final String topic;
    private final Bytes packet = new Bytes();
    private int remaining = -1;
    private int lengthMultiplier = 1;
    private int lengthValue;
    private boolean readingLength;

    MqttSession(String clientId, String topic) {
        this.clientId = clientId;
        this.topic = topic;
    }

    @Override
    public ByteBuffer opening() {
        return ByteBuffer.wrap(connect(clientId));
    }

    static byte[] connect(String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4); // protocol level 3.1.1
        body.write(0x02); // clean session
        body.write(KEEP_ALIVE_SECONDS >> 8);
        body.write(KEEP_ALIVE_SECONDS & 0xFF);
        string(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    static byte[] subscribe(String topic) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1); // packet id 1
        string(body, topic);
        body.write(0); // QoS 0
        return packet(0x82, body.toByteArray());
    }

    static byte[] publish(String topic, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.writeBytes(payload);
        return packet(0x30, body.toByteArray());
    }

    private static void string(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    private static byte[] packet(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(type);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body);
        return out.toByteArray();
    }

    @Override
    public void read(ByteBuffer in, long receivedNanos, Events events) {
        byte[] array = in.array();
        int i = in.arrayOffset() + in.position();
        int to = in.arrayOffset() + in.limit();
        while (i < to) {
            if (remaining < 0 && !readingLength) {
                packet.clear();
                packet.add(array[i++]);
                readingLength = true;
                lengthMultiplier = 1;
                lengthValue = 0;
                continue;
            }
            if (readingLength) {
                byte digit = array[i++];
                lengthValue += (digit & 0x7F) * lengthMultiplier;
                lengthMultiplier *= 128;
                if ((digit & 0x80) == 0) {
                    readingLength = false;
                    remaining = lengthValue;
                    if (remaining == 0) {
                        handle(receivedNanos, events);
                    }
                }
                continue;
            }
            int n = Math.min(remaining, to - i);
            packet.add(array, i, n);
            i += n;
            remaining -= n;
            if (remaining == 0) {
                handle(receivedNanos, events);
            }
        }
        in.position(in.limit());
    }

    /** A whole packet: its first byte, then the body (the remaining length is not kept). */
    private void handle(long receivedNanos, Events events) {
        remaining = -1;
        int type = packet.array[0] & 0xF0;
        byte[] bytes = packet.array;
        switch (type) {
            case 0x20 -> {
                if (packet.length < 3 || bytes[2] != 0) {
                    events.failed("CONNACK refused the connection");
                } else {
                    events.send(ByteBuffer.wrap(subscribe(topic)));
                }
            }
            case 0x90 -> {
                if (packet.length >= 4 && (bytes[3] & 0xFF) == 0x80) {
                    events.failed("SUBACK refused the subscription");
                } else {
                    events.ready();
                }
            }
            case 0x30 -> {
                int topicLength = ((bytes[1] & 0xFF) << 8) | (bytes[2] & 0xFF);
                int from = 3 + topicLength + ((bytes[0] & 0x06) != 0 ? 2 : 0);
                events.event(Session.alertId(bytes, from, packet.length), packet.length - from, receivedNanos);
            }
            default -> {
                // PINGRESP and anything else a QoS 0 subscriber may ignore.
            }
        }
    }
}

package org.cascadehub.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load client's protocol readers, fed byte streams split at every awkward place: what a server
 * sends must come out as the same events however the reads fall.
 */
class ProtocolSessionTests {

    @Test
    void sseOverChunkedHttpWithCommentsAndCrlfYieldsEveryEventAndRemembersTheLastId() {
        String frames = ": connected\r\n\r\n"
                + "id: 7\r\nevent: alert\r\ndata: {\"alertId\":41,\"seq\":7}\r\n\r\n"
                + ": heartbeat\n\n"
                + "event: ack\ndata: {\"alertId\":41,\"acknowledged\":3}\n\n"
                + "id: 8\nevent: alert\ndata: {\"seq\":8,\ndata: \"alertId\": 42}\n\n";
        String response = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked(frames, 13);

        for (int split = 1; split <= 17; split++) {
            Recorder recorder = new Recorder();
            SseSession session = new SseSession("h", "/api/v1/stream", "cas_x", 0);
            feed(session, response, split, recorder);

            assertThat(recorder.ready).as("split %d", split).isTrue();
            assertThat(recorder.alertIds).as("split %d", split).containsExactly(41L, 42L);
            assertThat(session.lastId()).isEqualTo(8);
        }
    }

    @Test
    void sseRequestCarriesTheTokenAndLastEventIdAndARefusalFailsTheSession() {
        String request = StandardCharsets.US_ASCII
                .decode(new SseSession("127.0.0.1:8080", "/api/v1/stream", "cas_abc", 12).opening())
                .toString();

        assertThat(request)
                .startsWith("GET /api/v1/stream HTTP/1.1\r\n")
                .contains("Authorization: Bearer cas_abc\r\n", "Last-Event-ID: 12\r\n")
                .endsWith("\r\n\r\n");
        Recorder refused = new Recorder();
        feed(new SseSession("h", "/", null, 0), "HTTP/1.1 401 Unauthorized\r\n\r\n", 5, refused);
        assertThat(refused.ready).isFalse();
        assertThat(refused.failure).contains("401");
    }

    @Test
    void natsReadsMessagesAcrossReadsAndAnswersPings() {
        String payload = new String(Publisher.payload(5, 100), StandardCharsets.US_ASCII);
        String stream = "INFO {\"server_id\":\"x\"}\r\nPONG\r\nPING\r\nMSG alerts 1 " + payload.length() + "\r\n"
                + payload + "\r\nMSG alerts 1 reply.to " + payload.length() + "\r\n" + payload + "\r\n";

        for (int split = 1; split <= 9; split++) {
            Recorder recorder = new Recorder();
            feed(new NatsSession("alerts"), stream, split, recorder);

            assertThat(recorder.ready).isTrue();
            assertThat(recorder.alertIds).as("split %d", split).containsExactly(5L, 5L);
            assertThat(recorder.payloadBytes).containsOnly(100);
            assertThat(recorder.sent).containsExactly("PONG\r\n");
        }
    }

    @Test
    void mqttSubscribesAfterConnackAndReadsPublishPackets() {
        byte[] publish = MqttSession.publish("alerts", Publisher.payload(9, 300));
        byte[] stream = concat(new byte[] {0x20, 2, 0, 0}, new byte[] {(byte) 0x90, 3, 0, 1, 0}, publish, publish);

        for (int split = 1; split <= 7; split++) {
            Recorder recorder = new Recorder();
            feed(new MqttSession("c1", "alerts"), new String(stream, StandardCharsets.ISO_8859_1), split, recorder);

            assertThat(recorder.sent).hasSize(1);
            assertThat(recorder.ready).isTrue();
            assertThat(recorder.alertIds).as("split %d", split).containsExactly(9L, 9L);
            assertThat(recorder.payloadBytes).containsOnly(300);
        }
    }

    private static String chunked(String body, int chunkSize) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i += chunkSize) {
            String chunk = body.substring(i, Math.min(body.length(), i + chunkSize));
            out.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return out.toString();
    }

    private static void feed(Session session, String bytes, int readSize, Recorder recorder) {
        byte[] all = bytes.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < all.length; i += readSize) {
            ByteBuffer read = ByteBuffer.wrap(all, i, Math.min(readSize, all.length - i)).slice();
            session.read(read, 1, recorder);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static final class Recorder implements Session.Events {
        boolean ready;
        String failure = "";
        final List<Long> alertIds = new ArrayList<>();
        final List<Integer> payloadBytes = new ArrayList<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public void ready() {
            ready = true;
        }

        @Override
        public void event(long alertId, int bytes, long receivedNanos) {
            alertIds.add(alertId);
            payloadBytes.add(bytes);
        }

        @Override
        public void send(ByteBuffer bytes) {
            sent.add(StandardCharsets.ISO_8859_1.decode(bytes.duplicate()).toString());
        }

        @Override
        public void failed(String why) {
            failure = why;
        }
    }
}

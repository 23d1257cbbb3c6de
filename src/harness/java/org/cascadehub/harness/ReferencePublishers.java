package org.cascadehub.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Publishers for the references: a NATS or MQTT client connection, or an HTTP POST to the floor. */
final class ReferencePublishers {

    private ReferencePublishers() {}

    static Publisher nats(InetSocketAddress server, String subject, int payloadBytes) {
        return new SocketPublisher(server, payloadBytes) {
            @Override
            void open() throws IOException {
                line(); // INFO
                out.write("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (!line().startsWith("PONG")) {
                    // skip anything before the PONG
                }
            }

            @Override
            byte[] message(byte[] payload) {
                ByteArrayOutputStream message = new ByteArrayOutputStream(payload.length + 40);
                message.writeBytes(("PUB " + subject + " " + payload.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                message.writeBytes(payload);
                message.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                return message.toByteArray();
            }
        };
    }

    static Publisher mqtt(InetSocketAddress server, String topic, int payloadBytes) {
        return new SocketPublisher(server, payloadBytes) {
            @Override
            void open() throws IOException {
                out.write(MqttSession.connect("harness-publisher"));
                out.flush();
                byte[] connack = in.readNBytes(4);
                if (connack.length < 4 || (connack[0] & 0xF0) != 0x20 || connack[3] != 0) {
                    throw new IOException("the broker refused the publisher's CONNECT");
                }
            }

            @Override
            byte[] message(byte[] payload) {
                return MqttSession.publish(topic, payload);
            }
        };
    }

    /** POST /publish with the payload as the body, on one kept-alive connection. */
    static Publisher floor(InetSocketAddress server, int payloadBytes) {
        return new SocketPublisher(server, payloadBytes) {
            @Override
            void open() {}

            @Override
            byte[] message(byte[] payload) {
                ByteArrayOutputStream message = new ByteArrayOutputStream(payload.length + 100);
                message.writeBytes(("POST /publish HTTP/1.1\r\nHost: floor\r\nContent-Length: " + payload.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                message.writeBytes(payload);
                return message.toByteArray();
            }

            @Override
            void answered() throws IOException {
                String status = line();
                while (!line().isEmpty()) {
                    // headers; the answer has no body
                }
                if (!status.startsWith("HTTP/1.1 202")) {
                    throw new IOException("the floor answered " + status);
                }
            }
        };
    }

    /** One blocking connection: alerts are numbered from 1, the warm-up included. */
    private abstract static class SocketPublisher implements Publisher {
        private final Socket socket = new Socket();
        private final int payloadBytes;
        final InputStream in;
        final OutputStream out;
        private byte[] prepared = new byte[0];

        SocketPublisher(InetSocketAddress server, int payloadBytes) {
            this.payloadBytes = payloadBytes;
            try {
                socket.setTcpNoDelay(true);
                socket.connect(server, 5_000);
                socket.setSoTimeout(30_000);
                in = socket.getInputStream();
                out = socket.getOutputStream();
                open();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("could not connect the publisher to " + server, e);
            }
        }

        abstract void open() throws IOException;

        abstract byte[] message(byte[] payload);

        void answered() throws IOException {}

        @Override
        public long prepare(int number) {
            prepared = message(Publisher.payload(number + 1, payloadBytes));
            return number + 1;
        }

        @Override
        public void publish(long alertId) throws IOException {
            out.write(prepared);
            out.flush();
            answered();
        }

        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}

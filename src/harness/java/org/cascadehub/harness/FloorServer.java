package org.cascadehub.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The floor: the least an SSE broadcaster can do. One selector thread; any GET is answered with
 * event-stream headers and kept; {@code POST /publish} turns its body into one pre-encoded frame
 * ({@code id}, {@code event: alert}, {@code data}) written to every kept connection, with no
 * matching, no per-connection encoding and no chunked framing. Run as its own JVM by the
 * harness: {@code FloorServer <port>}.
 */
public final class FloorServer {

    private static final byte[] STREAM_HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Cache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACCEPTED =
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Connection> streams = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long lastId;

    private FloorServer(int port) throws IOException {
        selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws IOException {
        FloorServer floor = new FloorServer(Integer.parseInt(args[0]));
        System.out.println("LISTENING " + args[0]);
        floor.serve();
    }

    private static final class Connection {
        final SocketChannel channel;
        final StringBuilder request = new StringBuilder();
        final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
        int bodyLeft = -1;
        ByteBuffer body;
        SelectionKey key;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private void serve() throws IOException {
        while (true) {
            selector.select();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (!key.isValid()) {
                    continue; // closed while serving an earlier key of this round
                }
                try {
                    if (key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel());
                    } else {
                        Connection connection = (Connection) key.attachment();
                        if (key.isWritable()) {
                            flush(connection);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(connection);
                        }
                    }
                } catch (IOException | CancelledKeyException e) {
                    close(key);
                }
            }
        }
    }

    private void accept(ServerSocketChannel server) throws IOException {
        for (SocketChannel channel; (channel = server.accept()) != null; ) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
        }
    }

    private void read(Connection connection) throws IOException {
        buffer.clear();
        int n = connection.channel.read(buffer);
        if (n < 0) {
            close(connection.key);
            return;
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            if (connection.bodyLeft > 0) {
                int take = Math.min(connection.bodyLeft, buffer.remaining());
                connection.body.put(buffer.array(), buffer.position(), take);
                buffer.position(buffer.position() + take);
                connection.bodyLeft -= take;
                if (connection.bodyLeft == 0) {
                    publish(connection);
                }
                continue;
            }
            connection.request.append((char) buffer.get());
            if (connection.request.length() >= 4
                    && connection.request.substring(connection.request.length() - 4).equals("\r\n\r\n")) {
                requestRead(connection);
            }
        }
    }

    private void requestRead(Connection connection) throws IOException {
        String request = connection.request.toString();
        connection.request.setLength(0);
        if (request.startsWith("GET ")) {
            send(connection, ByteBuffer.wrap(STREAM_HEADERS));
            streams.add(connection);
            return;
        }
        int length = 0;
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        connection.body = ByteBuffer.allocate(length);
        connection.bodyLeft = length;
        if (length == 0) {
            publish(connection);
        }
    }

    /** One frame, encoded once; every stream gets a view of the same bytes. */
    private void publish(Connection publisher) throws IOException {
        byte[] head = ("id: " + ++lastId + "\nevent: alert\ndata: ").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocateDirect(head.length + publisher.body.capacity() + 2);
        frame.put(head).put(publisher.body.flip()).put((byte) '\n').put((byte) '\n').flip();
        publisher.bodyLeft = -1;
        for (Connection stream : streams) {
            if (stream.key.isValid()) {
                send(stream, frame.duplicate());
            }
        }
        send(publisher, ByteBuffer.wrap(ACCEPTED));
    }

    private void send(Connection connection, ByteBuffer bytes) throws IOException {
        if (connection.outgoing.isEmpty()) {
            try {
                connection.channel.write(bytes);
            } catch (IOException e) {
                close(connection.key);
                return;
            }
            if (!bytes.hasRemaining()) {
                return;
            }
        }
        connection.outgoing.add(bytes);
        try {
            connection.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } catch (CancelledKeyException e) {
            close(connection.key);
        }
    }

    private void flush(Connection connection) throws IOException {
        while (!connection.outgoing.isEmpty()) {
            ByteBuffer next = connection.outgoing.peek();
            connection.channel.write(next);
            if (next.hasRemaining()) {
                return;
            }
            connection.outgoing.poll();
        }
        connection.key.interestOps(SelectionKey.OP_READ);
    }

    private void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // already gone
        }
        if (key.attachment() instanceof Connection connection) {
            connection.outgoing.clear();
        }
    }
}

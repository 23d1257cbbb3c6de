package org.cascadehub.harness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Many HTTP/1.1 keep-alive connections, each on a virtual thread sending one request, reading its
 * answer and sending the next: as many requests in flight as connections. The connections are
 * opened before the clock starts. A minimal client (status line, headers, a body by length or in
 * chunks), so that the client's own work is small next to the server's.
 */
final class HttpAckConnections {

    private final String host;
    private final int port;

    HttpAckConnections(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends request 0 .. n-1 ({@code request} gives its bytes) over {@code connections} connections;
     * the clock starts once all are open. Counts answers other than 200 as failed.
     */
    AckBurst.Outcome run(int n, int connections, IntFunction<byte[]> request) throws IOException {
        List<Connection> sockets = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                sockets.add(open());
            }
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            double[] latencies = new double[n];
            long[] lastAnswered = new long[connections];
            long start = System.nanoTime();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < connections; c++) {
                    int connection = c;
                    callers.execute(() -> {
                        Connection socket = sockets.get(connection);
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            long began = System.nanoTime();
                            int status;
                            try {
                                if (socket.socket().isClosed()) {
                                    socket = open();
                                    sockets.set(connection, socket);
                                }
                                status = exchange(socket, request.apply(i));
                            } catch (IOException e) {
                                status = -1;
                                socket.close();
                            }
                            long now = System.nanoTime();
                            latencies[i] = (now - began) / 1e6;
                            lastAnswered[connection] = now;
                            if (status != 200) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                }
            }
            long last = start;
            for (long at : lastAnswered) {
                last = Math.max(last, at);
            }
            return new AckBurst.Outcome(failed.get(), start, last, latencies);
        } finally {
            sockets.forEach(Connection::close);
        }
    }

    /** One keep-alive connection; an answer is read whole before the next request is sent. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that was asked
            }
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 8192), socket.getOutputStream());
    }

    /** Sends one request and reads its whole answer; the status. Closes the connection if the server will. */
    private static int exchange(Connection connection, byte[] request) throws IOException {
        connection.out().write(request);
        connection.out().flush();
        InputStream in = connection.in();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        if (close) {
            connection.close();
        }
        return status;
    }

    /** One CRLF-ended line. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    static byte[] post(String path, String token) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}

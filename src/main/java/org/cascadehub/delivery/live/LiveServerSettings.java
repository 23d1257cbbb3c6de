package org.cascadehub.delivery.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The dedicated stream server ({@code cascade.live.*}).
 *
 * @param streamPort the port the Netty server serves {@code GET /api/v1/stream} on: -1 (the
 *     default) for none, 0 for a free port (logged, and set as {@code local.cascade.live.stream-port})
 * @param streamThreads its event-loop threads, which do all its reading and writing
 * @param sendBuffer the kernel's send buffer for each stream (Linux doubles it for its own
 *     bookkeeping). Fixed rather than left to grow (to 4 MB by default): a stream carries a few
 *     small events, and with the kernel holding megabytes for a client that stopped reading, that
 *     client would take minutes to reach the stream's own queue bound, and a city's worth of them
 *     gigabytes of kernel memory
 * @param nativeTransport whether to use Linux's epoll through Netty's native transport where it
 *     loads (it writes each stream with one system call and no copy), rather than Java's NIO
 */
@ConfigurationProperties("cascade.live")
record LiveServerSettings(
        @DefaultValue("-1") int streamPort,
        @DefaultValue("2") int streamThreads,
        @DefaultValue("32KB") DataSize sendBuffer,
        @DefaultValue("true") boolean nativeTransport) {

    LiveServerSettings {
        if (streamPort < -1 || streamPort > 65535) {
            throw new IllegalArgumentException("cascade.live.stream-port must be -1 (off), 0 (a free port) or a port");
        }
        if (sendBuffer.toBytes() < 4096 || sendBuffer.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cascade.live.send-buffer must be 4KB or more");
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("cascade.live.stream-threads must be 1 or more");
        }
    }

    boolean enabled() {
        return streamPort >= 0;
    }
}

package org.cascadehub.delivery.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dedicated stream server ({@code cascade.live.*}).
 *
 * @param streamPort the port the Netty server serves {@code GET /api/v1/stream} on: -1 (the
 *     default) for none, 0 for a free port (logged, and set as {@code local.cascade.live.stream-port})
 * @param streamThreads its event-loop threads, which do all its reading and writing
 */
@ConfigurationProperties("cascade.live")
record LiveServerSettings(
        @DefaultValue("-1") int streamPort,
        @DefaultValue("2") int streamThreads) {

    LiveServerSettings {
        if (streamPort < -1 || streamPort > 65535) {
            throw new IllegalArgumentException("cascade.live.stream-port must be -1 (off), 0 (a free port) or a port");
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException("cascade.live.stream-threads must be 1 or more");
        }
    }

    boolean enabled() {
        return streamPort >= 0;
    }
}

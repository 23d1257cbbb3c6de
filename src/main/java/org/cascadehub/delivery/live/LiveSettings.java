package org.cascadehub.delivery.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream settings ({@code cascade.delivery.live.*}).
 *
 * @param queueFrames frames a connection may have waiting; one more and it is closed (the client
 *     reconnects with {@code Last-Event-ID} and catches up)
 * @param heartbeat the longest a stream goes without a byte: an idle one gets a comment this often,
 *     to keep proxies from closing it and to find connections whose client has gone; a stream sent
 *     events gets none. The default stays well inside the idle timeouts proxies commonly apply (60 s
 *     for nginx's {@code proxy_read_timeout} and AWS load balancers, 55 s at Heroku, 50 s in
 *     HAProxy's shipped configuration); set it below any shorter one on the way to clients
 * @param retry the reconnection delay sent to clients ({@code retry:})
 * @param stallTimeout a connection that could not take a single byte for this long is closed
 * @param ringEvents recent replayable events kept in memory for replay
 * @param ringAge how long a replayable event is kept in memory for replay
 * @param ringRecipients the most recipients (summed over the ring's events) kept in memory: a
 *     recipient costs about 100 bytes, so the default bounds the ring near 200 MB
 * @param writerThreads threads that write to connections; 0 means one per processor
 */
@ConfigurationProperties("cascade.delivery.live")
record LiveSettings(
        @DefaultValue("256") int queueFrames,
        @DefaultValue("PT30S") Duration heartbeat,
        @DefaultValue("PT3S") Duration retry,
        @DefaultValue("PT60S") Duration stallTimeout,
        @DefaultValue("1000") int ringEvents,
        @DefaultValue("PT1H") Duration ringAge,
        @DefaultValue("2000000") long ringRecipients,
        @DefaultValue("0") int writerThreads) {

    LiveSettings {
        requirePositive("queue-frames", queueFrames);
        requirePositive("heartbeat", heartbeat.toMillis());
        requirePositive("retry", retry.toMillis());
        requirePositive("stall-timeout", stallTimeout.toMillis());
        requirePositive("ring-events", ringEvents);
        requirePositive("ring-age", ringAge.toMillis());
        requirePositive("ring-recipients", ringRecipients);
        if (writerThreads < 0) {
            throw new IllegalArgumentException(
                    "cascade.delivery.live.writer-threads must be 0 (one per processor) or more");
        }
    }

    int writers() {
        return writerThreads == 0 ? Runtime.getRuntime().availableProcessors() : writerThreads;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("cascade.delivery.live." + name + " must be more than 0");
        }
    }
}

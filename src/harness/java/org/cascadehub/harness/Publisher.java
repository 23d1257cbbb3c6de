package org.cascadehub.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Publishes the run's alerts through the system under test, from the load client's process so
 * that publish and receipt times come from one clock.
 */
interface Publisher extends AutoCloseable {

    /** Gets alert {@code number} (0 is the warm-up) ready to publish; returns the id it will carry. */
    long prepare(int number) throws IOException;

    /** Publishes a prepared alert; returns once the request is written (over HTTP: answered). */
    void publish(long alertId) throws IOException;

    /** The payload the clients saw for the warm-up, so later alerts can be padded to the target size. */
    default void calibrate(int observedPayloadBytes) {}

    @Override
    void close();

    /** The references' payload: JSON of exactly {@code size} bytes (or the shortest possible) carrying the alert id. */
    static byte[] payload(long alertId, int size) {
        String head = "{\"alertId\":" + alertId + ",\"seq\":" + alertId + ",\"headline\":\"Load test\",\"description\":\"";
        String tail = "\"}";
        int padding = Math.max(0, size - head.length() - tail.length());
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.US_ASCII);
    }
}

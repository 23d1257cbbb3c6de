package org.cascadehub.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How acknowledgements are written ({@code cascade.alerts.acknowledgements.*}).
 *
 * @param queue acknowledgements waiting to be written, at most, shared equally by the writers; a
 *     caller finding its writer's share full waits
 * @param batch acknowledgements written in one transaction, at most
 * @param timeout how long a caller waits for room in the queue, and then for its acknowledgement to
 *     be committed, before it is told to try again (503)
 * @param writers writer threads, each with its own queue and transactions; an (alert, person) pair
 *     always goes to the same one
 */
@ConfigurationProperties("cascade.alerts.acknowledgements")
record AcknowledgementSettings(
        @DefaultValue("10000") int queue,
        @DefaultValue("2000") int batch,
        @DefaultValue("PT30S") Duration timeout,
        @DefaultValue("2") int writers) {

    AcknowledgementSettings {
        requireAtLeastOne("queue", queue);
        requireAtLeastOne("batch", batch);
        requireAtLeastOne("writers", writers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cascade.alerts.acknowledgements.timeout must be more than 0");
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("cascade.alerts.acknowledgements." + name + " must be 1 or more");
        }
    }
}

package org.cascadehub.harness;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The acknowledgement writer's batches over a round, from its meters: how many, how large, how long. */
final class WriterBatches {

    record Snapshot(long count, double acknowledgements, double millis) {}

    private final MeterRegistry meters;

    WriterBatches(MeterRegistry meters) {
        this.meters = meters;
    }

    Snapshot snapshot() {
        DistributionSummary sizes = meters.find("cascade.acknowledgements.batch.size").summary();
        Timer times = meters.find("cascade.acknowledgements.batch.time").timer();
        if (sizes == null || times == null) {
            return new Snapshot(0, 0, 0);
        }
        return new Snapshot(sizes.count(), sizes.totalAmount(), times.totalTime(TimeUnit.MILLISECONDS));
    }

    String since(Snapshot before) {
        Snapshot now = snapshot();
        long batches = now.count() - before.count();
        if (batches == 0) {
            return "writer batches not measured";
        }
        return "%d batches of %.0f on average, %.0f ms each, writer busy %.1f s"
                .formatted(
                        batches,
                        (now.acknowledgements() - before.acknowledgements()) / batches,
                        (now.millis() - before.millis()) / batches,
                        (now.millis() - before.millis()) / 1000);
    }
}

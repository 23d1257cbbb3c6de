package org.cascadehub.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness works: a thousand clients each receive every alert from the floor, NATS and
 * Mosquitto (the Cascade row is {@link CascadeLoadHarnessTests}). No timing is asserted; the table
 * is printed for reading. Without the brokers installed it is skipped, except on CI, which installs
 * them and must run it.
 */
class LoadHarnessTests {

    static final int CLIENTS = 1_000;
    static final int ALERTS = 3;

    @Test
    void everyClientOfEveryReferenceReceivesEveryAlert() {
        if (!"true".equals(System.getenv("CI"))) {
            assumeThat(References.brokersInstalled())
                    .as("nats-server and mosquitto installed (apt-get install -y nats-server mosquitto)")
                    .isTrue();
        }
        HarnessSettings settings = quick(List.of("floor", "nats", "mosquitto"));

        List<ResultTable.Row> rows = new LoadHarness(settings).run();
        System.out.println(ResultTable.print(settings, rows));

        assertThat(rows).extracting(ResultTable.Row::system).containsExactly("floor", "nats", "mosquitto");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.expected()).as(row.system()).isEqualTo((long) CLIENTS * ALERTS);
            assertThat(row.delivered()).as(row.system() + " delivered").isEqualTo(row.expected());
            assertThat(row.median("duplicates")).as(row.system() + " duplicates").isZero();
        });
    }

    /** A short run: one warm-up, three alerts, little waiting. */
    static HarnessSettings quick(List<String> systems) {
        return new HarnessSettings(
                CLIENTS,
                512,
                1,
                ALERTS,
                100,
                systems,
                List.of("fanout"),
                1,
                2,
                60,
                1,
                1,
                500,
                5_000,
                500,
                // only how long to wait for a late delivery: a slow one must not count as lost
                60_000,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                List.of("-Xmx1g"),
                List.of(),
                "",
                "",
                0,
                Duration.ofSeconds(300));
    }
}

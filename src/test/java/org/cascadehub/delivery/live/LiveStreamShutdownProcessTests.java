package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cascadehub.demo.DemoAccounts;
import org.cascadehub.process.CascadeProcess;
import org.cascadehub.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream never ends by itself, and the web server's graceful shutdown waits for open requests:
 * the gateway must end the streams first, or every stop would hang for the whole grace period.
 */
class LiveStreamShutdownProcessTests {

    @RegisterExtension
    final CascadeProcess.Launcher launcher = new CascadeProcess.Launcher();

    @Test
    void openStreamsAreEndedSoAGracefulShutdownDoesNotWaitForThem() {
        int port = CascadeProcess.freePort();
        CascadeProcess app = launcher.startDemo(port, launcher.directory().resolve("postgres"));
        app.awaitReady(CascadeProcess.START_TIMEOUT);
        String token = new TestHttp(port).token("guard@demo.test", DemoAccounts.PASSWORD);
        SseClient stream = SseClient.open(port, "/api/v1/stream", "Authorization", TestHttp.bearer(token));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.next().field("retry")).isPresent();

        app.stop(Duration.ofSeconds(90));

        assertThat(stream.ends()).isTrue();
        assertThat(app.output())
                .contains("Closed 1 live streams for shutdown")
                .contains("Graceful shutdown complete")
                .doesNotContain("Graceful shutdown aborted");
    }
}

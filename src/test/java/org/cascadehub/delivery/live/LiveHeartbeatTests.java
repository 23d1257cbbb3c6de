package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.UrgentWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The heartbeat sweep over Netty streams on embedded channels (nothing runs unless the test runs
 * it): a stream sent an event since its last check gets no heartbeat, an idle one gets one every
 * other check (once per interval), and the sweep's steps together check each stream once.
 */
class LiveHeartbeatTests {

    private static final String HEARTBEAT = "d\r\n: heartbeat\n\n\r\n";

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final LiveGateway gateway = gateway();
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    @AfterEach
    void close() {
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
        gateway.destroy();
        scheduler.shutdown();
    }

    @Test
    void aStreamSentAnEventSinceItsLastCheckGetsNoHeartbeat() throws Exception {
        PersonId ada = PersonId.random();
        EmbeddedChannel channel = open(ada);

        gateway.heartbeat();
        assertThat(written(channel)).isEqualTo(HEARTBEAT);

        gateway.broadcast(LiveEvent.unsequenced("ack", bytes("{\"n\":1}"), Set.of(ada)));
        assertThat(written(channel)).contains("{\"n\":1}");
        gateway.heartbeat();
        assertThat(written(channel))
                .as("an event went out since the last check")
                .isEmpty();

        gateway.heartbeat();
        assertThat(written(channel)).as("quiet for a whole check").isEqualTo(HEARTBEAT);
    }

    @Test
    void anIdleStreamGetsAHeartbeatEveryOtherCheck() throws Exception {
        EmbeddedChannel channel = open(PersonId.random());

        List<String> checks = new ArrayList<>();
        for (int check = 0; check < 4; check++) {
            gateway.heartbeat();
            checks.add(written(channel));
        }

        assertThat(checks).containsExactly(HEARTBEAT, "", HEARTBEAT, "");
    }

    @Test
    void theStepsOfAHalfIntervalTogetherCheckEveryStreamOnce() throws Exception {
        List<EmbeddedChannel> open = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            open.add(open(PersonId.random()));
        }

        List<Integer> heartbeatsPerStep = new ArrayList<>();
        for (int step = 0; step < LiveGateway.HEARTBEAT_STEPS; step++) {
            gateway.heartbeatStep();
            int sent = 0;
            for (EmbeddedChannel channel : open) {
                sent += written(channel).isEmpty() ? 0 : 1;
            }
            heartbeatsPerStep.add(sent);
        }

        assertThat(heartbeatsPerStep.stream().mapToInt(Integer::intValue).sum())
                .as("each of the 40 once")
                .isEqualTo(40);
        assertThat(heartbeatsPerStep).as("spread over the steps").allMatch(sent -> sent < 40);
        assertThat(gateway.heartbeatPeriod()).isEqualTo(Duration.ofSeconds(30).dividedBy(30));
    }

    private EmbeddedChannel open(PersonId person) throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
        channels.add(channel);
        NettyConnection connection =
                new NettyConnection(person, OrganisationId.random(), channel, 16, gateway, System::nanoTime);
        gateway.open(connection, null);
        channel.runPendingTasks();
        assertThat(written(channel)).as("headers and retry").contains("retry: 3000");
        return channel;
    }

    /** Runs what the sweep or broadcast handed to the channel's loop; answers what it wrote. */
    private static String written(EmbeddedChannel channel) {
        channel.runPendingTasks();
        StringBuilder text = new StringBuilder();
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) message;
            text.append(buffer.toString(StandardCharsets.UTF_8));
            buffer.release();
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private LiveGateway gateway() {
        scheduler.initialize();
        LiveSettings settings = new LiveSettings(
                16,
                Duration.ofSeconds(30),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                1000,
                Duration.ofHours(1),
                2_000_000,
                1);
        // Not started: the scheduler never runs the sweep, the test does.
        return new LiveGateway(
                settings,
                new DefaultListableBeanFactory().getBeanProvider(ReplaySource.class),
                new SimpleMeterRegistry(),
                scheduler,
                new UrgentWork());
    }
}

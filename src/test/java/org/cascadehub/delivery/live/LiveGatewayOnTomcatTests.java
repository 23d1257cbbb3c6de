package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.cascadehub.directory.OrganisationId;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.UrgentWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The gateway on a bare Tomcat set up as the application's (virtual-thread request handling), with
 * no Spring context, so that many fresh streams can be started in a few seconds: each must receive
 * everything sent to it while its first writes, heartbeats and broadcasts race, intact.
 */
class LiveGatewayOnTomcatTests {

    private static final int STREAMS = 40;
    private static final int ROUNDS = 25;

    @TempDir
    Path base;

    private final Tomcat tomcat = new Tomcat();
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ConcurrentHashMap<String, PersonId> people = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private LiveGateway gateway;
    private int port;

    @BeforeEach
    void start() throws Exception {
        scheduler.initialize();
        LiveSettings settings = new LiveSettings(
                256,
                Duration.ofHours(1),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1),
                1000,
                Duration.ofHours(1),
                2_000_000,
                0);
        gateway = new LiveGateway(
                settings,
                new DefaultListableBeanFactory().getBeanProvider(ReplaySource.class),
                meters,
                scheduler,
                new UrgentWork());
        gateway.start();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.getProtocolHandler().setExecutor(new VirtualThreadExecutor("tomcat-handler-"));
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Wrapper servlet = Tomcat.addServlet(context, "stream", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                PersonId person = people.computeIfAbsent(request.getParameter("person"), name -> PersonId.random());
                gateway.connect(
                        request, new Viewer(person, OrganisationId.random(), Set.of(), Set.of(), true, true), null);
            }
        });
        servlet.setAsyncSupported(true);
        context.addServletMappingDecoded("/stream", "stream");
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.stop();
        gateway.destroy();
        tomcat.stop();
        tomcat.destroy();
        scheduler.shutdown();
    }

    @Test
    void freshStreamsReceiveEverythingIntactWhileHeartbeatsAndBroadcastsRace() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<SseClient> clients = new ArrayList<>();
            AtomicBoolean hammering = new AtomicBoolean(true);
            Thread hammer = Thread.ofPlatform().start(() -> {
                byte[] tick = "{\"tick\":true}".getBytes(StandardCharsets.UTF_8);
                while (hammering.get()) {
                    gateway.heartbeat();
                    gateway.broadcast(LiveEvent.unsequenced("tick", tick, Set.copyOf(people.values())));
                    LockSupport.parkNanos(500_000);
                }
            });
            for (int i = 0; i < STREAMS; i++) {
                clients.add(SseClient.open(port, "/stream?person=r" + round + "p" + i));
            }
            for (int i = 0; i < STREAMS; i++) {
                try {
                    SseClient client = clients.get(i);
                    assertThat(client.status()).isEqualTo(200);
                    for (int events = 0; events < 3; events++) {
                        client.nextEvent();
                    }
                } catch (AssertionError e) {
                    failures.add("round " + round + ", stream " + i + ": " + e.getMessage());
                }
            }
            hammering.set(false);
            hammer.join();
            people.values().forEach(gateway::closePerson);
            people.clear();
            clients.forEach(SseClient::close);
        }
        assertThat(failures)
                .as(
                        "streams that broke off; closed: %s",
                        meters.find("cascade.live.streams.closed").counters().stream()
                                .map(c -> c.getId().getTag("reason") + "=" + c.count())
                                .toList())
                .isEmpty();
    }
}

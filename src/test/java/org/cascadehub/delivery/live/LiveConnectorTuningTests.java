package org.cascadehub.delivery.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.cascadehub.delivery.live.Streams.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The web server as sized for held streams (docs/performance.md, "Memory per stream"). */
@LiveStreamTest
class LiveConnectorTuningTests {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    Streams streams;

    @Autowired
    LiveGateway gateway;

    @Autowired
    MeterRegistry meters;

    @Test
    void connectionsGetSmallBuffers() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        AbstractHttp11Protocol<?> protocol =
                (AbstractHttp11Protocol<?>) server.getTomcat().getConnector().getProtocolHandler();

        assertThat(protocol).isInstanceOf(LiveStreamProtocol.class);
        assertThat(protocol.getDesiredBufferSize()).isEqualTo(2048);
        assertThat(protocol.getProperty("socket.appReadBufSize")).isEqualTo("2048");
        assertThat(protocol.getProperty("socket.appWriteBufSize")).isEqualTo("2048");
        assertThat(protocol.getMaxTrailerSize()).isEqualTo(1024);
        assertThat(protocol.getMaxHttpResponseHeaderSize()).isEqualTo(4096);
        assertThat(protocol.getProperty("selectorTimeout")).isEqualTo("5000");
    }

    @Test
    void anOpenStreamIsNotAnActiveHttpRequest() {
        Member ada = streams.member();
        double before = activeRequests();
        try (SseClient stream = streams.open(ada)) {
            await().until(() -> gateway.connected(ada.id()));

            assertThat(meters.find("http.server.requests.active").longTaskTimers())
                    .as("other requests are observed")
                    .isNotEmpty();
            assertThat(activeRequests()).isEqualTo(before);
        }
    }

    private double activeRequests() {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToDouble(LongTaskTimer::activeTasks)
                .sum();
    }
}

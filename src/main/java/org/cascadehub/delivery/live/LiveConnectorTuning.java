package org.cascadehub.delivery.live;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sizes the web server for tens of thousands of open streams. A stream is a request that never
 * ends, so it keeps, for its whole life, every buffer Tomcat gives a connection and every
 * observation started for it: with the defaults about 110 KB of heap per stream, most of it
 * buffers sized for bulk transfers a stream never makes (docs/performance.md, "Memory per
 * stream").
 */
@Configuration(proxyBeanMethods = false)
class LiveConnectorTuning {

    /** Socket read and write buffers: large reads and writes bypass them, so they need not be large. */
    static final int SOCKET_BUFFER = 2048;

    /** Request trailers (after a chunked upload's body): Cascade reads none. */
    static final int MAX_TRAILER = 1024;

    /**
     * How often the connector's poller walks every connection for timeouts (Tomcat's default is
     * every second): with every stream open for hours it was the largest user of idle CPU.
     */
    static final String TIMEOUT_SCAN_MILLIS = "5000";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> liveStreamProtocol() {
        return factory -> factory.setProtocol(LiveStreamProtocol.class.getName());
    }

    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> liveStreamConnectionBuffers() {
        return protocol -> {
            protocol.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER));
            protocol.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER));
            protocol.setMaxTrailerSize(MAX_TRAILER);
            protocol.setProperty("selectorTimeout", TIMEOUT_SCAN_MILLIS);
            protocol.setProperty("socket.timeoutInterval", TIMEOUT_SCAN_MILLIS);
        };
    }

    /**
     * No observations for streams: their HTTP timer would only ever measure how long someone kept a
     * page open, and each open one holds its contexts (about 5 KB) and sits in the active-requests
     * timer that every metrics scrape walks. The stream has its own meters ({@code cascade.live.*}).
     * Spring Security's observations start inside the filter chain, where the request is reachable
     * through {@link RequestContextHolder}.
     */
    @Bean
    ObservationPredicate noObservationsForLiveStreams() {
        return (name, context) -> {
            if (context instanceof ServerRequestObservationContext server) {
                return !isStream(server.getCarrier());
            }
            if (name.startsWith("spring.security.")
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
                return !isStream(current.getRequest());
            }
            return true;
        };
    }

    private static boolean isStream(HttpServletRequest request) {
        return StreamController.PATH.equals(request.getRequestURI());
    }
}

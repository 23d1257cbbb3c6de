package org.cascadehub.alerts.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether the application serves the live stream ({@code delivery}'s {@code GET /api/v1/stream}).
 * Pages point their scripts at it only when it is there, so a build without it shows counts that
 * simply do not change live, rather than a browser retrying a missing address.
 */
@Component
class LiveStream {

    static final String PATH = "/api/v1/stream";

    private final ApplicationContext context;
    private volatile @Nullable Boolean available;

    LiveStream(ApplicationContext context) {
        this.context = context;
    }

    boolean available() {
        Boolean known = available;
        if (known == null) {
            RequestMappingHandlerMapping mappings =
                    context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            known = mappings.getHandlerMethods().keySet().stream()
                    .anyMatch(mapping -> mapping.getPatternValues().contains(PATH));
            available = known;
        }
        return known;
    }
}

package org.cascadehub.platform.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps a failed start-up to one explanation. Spring first logs the whole exception chain of the
 * failure as one long warning ("Exception encountered during context initialization ...", bean
 * names and all), then Spring Boot reports it properly: the failure analysis (for a database that
 * cannot be reached, one line naming its URL and the cause) or, when no analysis applies, the
 * stack trace. The first of these is dropped; nothing else is.
 */
class StartupFailureEcho extends TurboFilter
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final String ECHO = "Exception encountered during context initialization";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        // Logging has just been (re)initialised, which removes filters; add this one once.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(StartupFailureEcho.class::isInstance)) {
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(
            @Nullable Marker marker,
            Logger logger,
            Level level,
            @Nullable String format,
            Object @Nullable [] params,
            @Nullable Throwable t) {
        return level == Level.WARN && format != null && format.startsWith(ECHO)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}

package org.cascadehub.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Atom feed settings ({@code cascade.alerts.feeds.*}).
 *
 * @param limit the most entries a feed holds
 * @param recentlyChanged how long a superseded, cancelled or expired alert stays in the feeds, so
 *     readers see the change
 */
@ConfigurationProperties("cascade.alerts.feeds")
record AlertFeedSettings(
        @DefaultValue("50") int limit,
        @DefaultValue("PT24H") Duration recentlyChanged) {}

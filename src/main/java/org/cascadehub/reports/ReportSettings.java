package org.cascadehub.reports;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings ({@code cascade.reports.*}).
 *
 * @param retention how long a closed report is kept before it is purged (ISO-8601 period, P13M)
 * @param purgeEvery how often the purge looks for reports past their retention
 */
@ConfigurationProperties("cascade.reports")
record ReportSettings(
        @DefaultValue("P13M") Period retention,
        @DefaultValue("PT1H") Duration purgeEvery) {}

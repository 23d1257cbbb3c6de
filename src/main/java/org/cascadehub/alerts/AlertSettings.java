package org.cascadehub.alerts;

import java.time.Duration;
import java.util.Set;
import org.cascadehub.alerts.cap.CapSeverity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert settings ({@code cascade.alerts.*}).
 *
 * @param approvalSeverities severities that need a second person's approval before publication
 * @param approvalTlp TLP labels that need approval (CLEAR: the alert becomes public)
 * @param maxLifetime the longest an alert may stay current before it expires
 * @param escalationAfter how long a recipient of a Severe or Extreme alert has to acknowledge it
 *     before the next channel is tried; each further step waits as long again
 * @param escalationSeverities severities that escalate when unacknowledged
 * @param capSender the CAP {@code <sender>} of every alert (also the identifiers' prefix)
 */
@ConfigurationProperties("cascade.alerts")
record AlertSettings(
        @DefaultValue({"Extreme", "Severe"}) Set<CapSeverity> approvalSeverities,
        @DefaultValue("CLEAR") Set<Tlp> approvalTlp,
        @DefaultValue("P7D") Duration maxLifetime,
        @DefaultValue("PT10M") Duration escalationAfter,
        @DefaultValue({"Extreme", "Severe"}) Set<CapSeverity> escalationSeverities,
        @DefaultValue("alerts@cascade.local") String capSender) {

    boolean needsApproval(AlertContent content) {
        return approvalSeverities.contains(content.severity()) || approvalTlp.contains(content.tlp());
    }
}

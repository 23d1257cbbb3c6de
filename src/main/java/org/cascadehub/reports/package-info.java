/**
 * Reports back to the police: incident reports from partners, triage by police coordinators,
 * feedback and messages to the reporter, attachments, and the statistics partners see, all under
 * Traffic Light Protocol 2.0 handling rules decided by one policy.
 */
@NullMarked
package org.cascadehub.reports;

import org.jspecify.annotations.NullMarked;

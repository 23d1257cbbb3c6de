package org.cascadehub.alerts.web;

/** Marks the alert cascade's page controllers, whose refusals {@link AlertPageErrors} turns into error pages. */
interface AlertPage {}

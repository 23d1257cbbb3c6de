package org.cascadehub.alerts.web;

import org.cascadehub.platform.WebPage;

/** Marks the alert cascade's page controllers: {@link AlertPageErrors} adds what they share to the platform's {@link WebPage}. */
interface AlertPage extends WebPage {}

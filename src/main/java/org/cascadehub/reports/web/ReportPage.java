package org.cascadehub.reports.web;

import org.cascadehub.platform.WebPage;

/** Marks the report pages' controllers, so they share {@link ReportPageHelpers}. */
interface ReportPage extends WebPage {}

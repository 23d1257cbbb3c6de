/**
 * The reports pages: the report form with its autosaved draft, a report with its timeline,
 * messages and police actions, the searchable list, the coordinators' live triage queue, and the
 * statistics charts.
 */
@NullMarked
package org.cascadehub.reports.web;

import org.jspecify.annotations.NullMarked;

/**
 * The reports module's REST API ({@code /api/v1/reports}) and its pages: the report form with its
 * autosaved draft, a report with its timeline and the police's actions, the searchable list and the
 * police's live triage queue.
 */
@NullMarked
package org.cascadehub.reports.web;

import org.jspecify.annotations.NullMarked;

/** The reports module's REST API ({@code /api/v1/reports}). */
@NullMarked
package org.cascadehub.reports.web;

import org.jspecify.annotations.NullMarked;

/**
 * The alert cascade's JSON API ({@code *Api}) and its pages ({@code *Pages}, {@code AlertActions},
 * {@code AckLinkPage}). Both ask the same services, which ask {@code AlertPolicy}, so a page never
 * shows or allows more than the API does.
 */
@NullMarked
package org.cascadehub.alerts.web;

import org.jspecify.annotations.NullMarked;

/** The alert cascade's JSON API. */
@NullMarked
package org.cascadehub.alerts.web;

import org.jspecify.annotations.NullMarked;

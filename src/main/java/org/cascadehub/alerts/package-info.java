/**
 * The alert cascade: authoring, approval, the CAP 1.2 model, validation, lifecycle,
 * acknowledgements, re-cascade and escalation.
 */
@NullMarked
package org.cascadehub.alerts;

import org.jspecify.annotations.NullMarked;

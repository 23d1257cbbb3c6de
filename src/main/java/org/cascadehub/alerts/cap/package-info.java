/**
 * OASIS CAP 1.2: the alert model as immutable records, the XML writer and reader ({@link
 * org.cascadehub.alerts.cap.CapXml}) and the validator ({@link
 * org.cascadehub.alerts.cap.CapValidator}: the official schema plus the specification's rules).
 * Other modules may use it.
 */
@NullMarked
@NamedInterface("cap")
package org.cascadehub.alerts.cap;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/**
 * The audit log: an append-only, hash-chained record of who did what, when and from where, fed by
 * every module's published events. It only listens; no module depends on it.
 */
@NullMarked
package org.cascadehub.audit;

import org.jspecify.annotations.NullMarked;

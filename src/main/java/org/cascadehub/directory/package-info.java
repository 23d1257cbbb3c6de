/**
 * Who is in the partnership: organisations and the people in them, with their roles. Alerts are
 * targeted from it and reports are shared through it.
 */
@NullMarked
package org.cascadehub.directory;

import org.jspecify.annotations.NullMarked;

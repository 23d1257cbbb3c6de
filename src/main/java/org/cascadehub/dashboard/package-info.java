/** The home dashboard a signed-in person lands on: who they are and what needs their attention. */
@NullMarked
package org.cascadehub.dashboard;

import org.jspecify.annotations.NullMarked;

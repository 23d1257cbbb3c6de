/**
 * Demo mode's data set: the stable demo sign-ins and the partnership around them, loaded into an
 * empty embedded database. Never active in production.
 */
@NullMarked
package org.cascadehub.demo;

import org.jspecify.annotations.NullMarked;

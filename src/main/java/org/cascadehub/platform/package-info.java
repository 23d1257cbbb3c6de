/**
 * The shared kernel: how Cascade runs (demo or production mode, its database), the events every
 * module's state changes are published as, and the web plumbing all pages and APIs share.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.cascadehub.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

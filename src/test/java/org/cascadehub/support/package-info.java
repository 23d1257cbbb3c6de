/** Shared helpers for full-stack tests. */
package org.cascadehub.support;

/**
 * Access: sign-in, sessions, two-factor codes (TOTP), API tokens, sign-in rate limits, and the web
 * security every request passes through.
 */
@NullMarked
package org.cascadehub.access;

import org.jspecify.annotations.NullMarked;

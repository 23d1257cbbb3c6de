package org.cascadehub.platform;

import java.util.UUID;

/**
 * The principal of every signed-in request, as modules that cannot see the access module know it:
 * controllers take {@code @AuthenticationPrincipal SignedIn} and look up what they need.
 */
public interface SignedIn {

    UUID personId();

    String email();
}

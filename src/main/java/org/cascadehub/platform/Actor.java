package org.cascadehub.platform;

import org.jspecify.annotations.Nullable;

/**
 * Who caused a state change and from where, carried by every {@link AuditedEvent}.
 *
 * @param principal the person's email, {@code system} for the application itself, or what an
 *     anonymous caller claimed (a sign-in email)
 * @param address the remote address of the request, or {@code null} when there was none
 */
public record Actor(String principal, @Nullable String address) {

    public static final Actor SYSTEM = new Actor("system", null);
}

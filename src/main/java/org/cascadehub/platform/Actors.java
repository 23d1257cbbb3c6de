package org.cascadehub.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Works out the {@link Actor} of the current request, for events published while serving it. */
public final class Actors {

    private Actors() {}

    /** The signed-in person (or {@code system}) and the request's remote address, if any. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String principal = authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? Actor.SYSTEM.principal()
                : authentication.getName();
        return new Actor(principal, currentAddress());
    }

    /** An actor that names who it claims to be, from the current request's address. */
    public static Actor claiming(String principal) {
        return new Actor(principal, currentAddress());
    }

    private static @Nullable String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}

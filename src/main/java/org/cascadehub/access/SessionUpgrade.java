package org.cascadehub.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Turns a half-signed-in session into a fully signed-in one, under a new session id. */
@Component
class SessionUpgrade {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void toSignedIn(SignedInPerson person, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, Authorities.signedIn(person)));
        SecurityContextHolder.setContext(context);
        // A second factor raises the session's privilege: a fresh id, as at any sign-in.
        request.changeSessionId();
        repository.saveContext(context, request, response);
    }
}

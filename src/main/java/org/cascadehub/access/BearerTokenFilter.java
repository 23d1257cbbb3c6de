package org.cascadehub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cascadehub.directory.People;
import org.cascadehub.directory.Viewer;
import org.cascadehub.platform.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: the request runs with the token owner's rights
 * and no session is created. A bad token is refused outright rather than treated as anonymous, so a
 * script learns at once that its token is wrong.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerTokens tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(BearerTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean carriesBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
        Optional<People.Authenticated> person = tokens.authenticated(token);
        if (person.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The bearer token is not valid: it is unknown, expired or revoked.");
            return;
        }
        SignedInPerson principal = SignedInPerson.of(person.get().summary());
        // Current as of the last change (BearerTokens): the controllers' Viewer parameter takes it.
        request.setAttribute(Viewer.REQUEST_ATTRIBUTE, person.get().viewer());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.signedIn(principal)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

package org.cascadehub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.platform.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose person was suspended or erased, or whose organisation was suspended, since
 * it signed in: access follows the directory on the very next request, not at session expiry.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final People people;
    private final ProblemResponses problems;

    ActiveAccountFilter(People people, ProblemResponses problems) {
        this.people = people;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person
                && !BearerTokenFilter.carriesBearerToken(request)
                && !people.findById(new PersonId(person.personId()))
                        .map(PersonSummary::active)
                        .orElse(false)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (ProblemResponses.isApi(request)) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Your access has ended. Sign in again.");
            } else {
                response.sendRedirect(request.getContextPath() + "/sign-in");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}

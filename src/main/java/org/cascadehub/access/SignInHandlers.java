package org.cascadehub.access;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.cascadehub.access.AccessEvents.SignedOut;
import org.cascadehub.platform.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where the sign-in form leads after a correct password, a refusal, or signing out. */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    /** The email as typed, kept so the form can show it again after a refusal. */
    static final String TYPED_EMAIL = SignInHandlers.class.getName() + ".email";

    private final SavedRequestAwareAuthenticationSuccessHandler fullySignedIn =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final ApplicationEventPublisher events;

    SignInHandlers(ApplicationEventPublisher events) {
        this.events = events;
        fullySignedIn.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        request.getSession().removeAttribute(TYPED_EMAIL);
        if (Authorities.has(authentication, Authorities.CODE_REQUIRED)) {
            response.sendRedirect(request.getContextPath() + "/sign-in/code");
        } else if (Authorities.has(authentication, Authorities.ENROLMENT_REQUIRED)) {
            response.sendRedirect(request.getContextPath() + "/account/two-factor");
        } else {
            fullySignedIn.onAuthenticationSuccess(request, response, authentication);
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String email = request.getParameter("email");
        request.getSession().setAttribute(TYPED_EMAIL, email == null ? "" : email.trim());
        String outcome = exception instanceof SignInThrottledException throttled
                ? "throttled=" + throttled.retryAfterMinutes()
                : "error=credentials";
        response.sendRedirect(request.getContextPath() + "/sign-in?" + outcome);
    }

    @Override
    @Transactional
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            events.publishEvent(new SignedOut(person.personId(), new Actor(person.email(), request.getRemoteAddr())));
        }
    }
}

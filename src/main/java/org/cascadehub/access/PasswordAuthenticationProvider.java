package org.cascadehub.access;

import org.cascadehub.access.SignInVerifier.Accepted;
import org.cascadehub.access.SignInVerifier.Throttled;
import org.cascadehub.platform.RunMode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's password check. A correct password alone signs in only those who need no
 * second factor; the rest get a session that can reach the code or set-up page and nothing else.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final SignInVerifier verifier;
    private final boolean demo;

    PasswordAuthenticationProvider(SignInVerifier verifier, RunMode mode) {
        this.verifier = verifier;
        this.demo = mode == RunMode.DEMO;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email =
                authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        return switch (verifier.checkPassword(email, password, address, "web")) {
            case Accepted accepted -> sessionFor(accepted);
            case Throttled throttled -> throw new SignInThrottledException(throttled.retryAfter());
            default -> throw new BadCredentialsException("refused");
        };
    }

    private Authentication sessionFor(Accepted accepted) {
        SignedInPerson person = SignedInPerson.of(accepted.person());
        if (accepted.hasSecondFactor()) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    person, null, Authorities.only(Authorities.CODE_REQUIRED));
        }
        if (!demo && accepted.person().needsSecondFactor()) {
            return UsernamePasswordAuthenticationToken.authenticated(
                    person, null, Authorities.only(Authorities.ENROLMENT_REQUIRED));
        }
        return UsernamePasswordAuthenticationToken.authenticated(person, null, Authorities.signedIn(person));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

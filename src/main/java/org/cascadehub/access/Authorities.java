package org.cascadehub.access;

import java.util.ArrayList;
import java.util.List;
import org.cascadehub.directory.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authorities a session or token carries, by how far sign-in has got. */
final class Authorities {

    /** Fully signed in: password and, where needed, second factor. */
    static final String SIGNED_IN = "SIGNED_IN";
    /** Password accepted; the second-factor code is still to come. */
    static final String CODE_REQUIRED = "SECOND_FACTOR_CODE_REQUIRED";
    /** Password accepted; the person must set up a second factor before going on. */
    static final String ENROLMENT_REQUIRED = "SECOND_FACTOR_ENROLMENT_REQUIRED";

    private Authorities() {}

    static List<GrantedAuthority> signedIn(SignedInPerson person) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        for (Role role : person.roles()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return authorities;
    }

    static List<GrantedAuthority> only(String authority) {
        return List.of(new SimpleGrantedAuthority(authority));
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(authority));
    }
}

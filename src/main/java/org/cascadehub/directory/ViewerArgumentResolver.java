package org.cascadehub.directory;

import org.cascadehub.platform.SignedIn;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers declare a {@link Viewer} parameter: the signed-in person as the directory's rules
 * see them, read fresh from the database for each request (once: authentication may already have
 * read it, see {@link Viewer#REQUEST_ATTRIBUTE}).
 */
@Component
class ViewerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final People people;

    ViewerArgumentResolver(People people) {
        this.people = people;
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Viewer resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedIn signedIn)) {
            throw new PreAuthenticatedCredentialsNotFoundException("Sign in first.");
        }
        if (request.getAttribute(Viewer.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Viewer read
                && read.personId().value().equals(signedIn.personId())) {
            return read;
        }
        return people.viewer(new PersonId(signedIn.personId()))
                .orElseThrow(() -> new PreAuthenticatedCredentialsNotFoundException("Sign in first."));
    }
}

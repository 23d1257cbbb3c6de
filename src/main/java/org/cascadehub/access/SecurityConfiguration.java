package org.cascadehub.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadehub.directory.People;
import org.cascadehub.platform.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web security every request passes: deny unless a rule below allows. Pages use a session
 * from the sign-in form; the API takes the same session or a bearer token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** A tile URL template's scheme, host and port (placeholders such as {@code {s}} become wildcards). */
    private static final Pattern TILE_ORIGIN = Pattern.compile("^(https?://[A-Za-z0-9.:{}-]+)(?:[/?#]|$)");

    /**
     * The policy, letting map tiles load from the configured tile server ({@code cascade.map.tile-url})
     * when it is on another origin. Nothing else is loosened, and a URL that is not a plain origin
     * (such as one with spaces or semicolons) is ignored.
     */
    static String contentSecurityPolicy(String tileUrl) {
        Matcher origin = TILE_ORIGIN.matcher(tileUrl.trim());
        if (!origin.find()) {
            return CONTENT_SECURITY_POLICY;
        }
        String source = origin.group(1).replaceAll("\\{[^}]*}", "*");
        return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + source + ";");
    }

    private static final RequestMatcher API = request -> ProblemResponses.isApi(request);

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the algorithm recorded in each hash so it can be upgraded in place.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(
            HttpSecurity http,
            BearerTokens tokens,
            People people,
            ProblemResponses problems,
            SignInHandlers handlers,
            @Value("${cascade.map.tile-url:}") String tileUrl)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in",
                                "/error",
                                "/account/set-password",
                                "/apply",
                                "/apply/**",
                                // A signed acknowledgement link from an alert email: the signature is the proof.
                                "/alerts/*/ack",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                // TLP:CLEAR alerts for anyone (the controller asks the alert policy)
                                "/feeds/alerts.atom",
                                "/feeds/alerts/*.cap")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(loopbackOrAdministrator())
                        // The SMS gateway's replies carry no session or token: delivery checks their signature.
                        .requestMatchers(
                                HttpMethod.POST, "/api/v1/tokens", "/api/v1/applications", "/api/v1/sms/inbound")
                        .permitAll()
                        .requestMatchers("/sign-in/code")
                        .hasAuthority(Authorities.CODE_REQUIRED)
                        .requestMatchers("/account/two-factor", "/account/two-factor/qr.svg")
                        .hasAnyAuthority(Authorities.SIGNED_IN, Authorities.ENROLMENT_REQUIRED)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**", "/api/v1/outbox/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMINISTRATOR")
                        .anyRequest()
                        .hasAuthority(Authorities.SIGNED_IN))
                .formLogin(form -> form.loginPage("/sign-in")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(handlers)
                        .failureHandler(handlers))
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .addLogoutHandler(handlers)
                        .logoutSuccessUrl("/sign-in?signed-out=true"))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ActiveAccountFilter(people, problems), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        // Bearer tokens are not sent by browsers on their own, so they cannot be forged cross-site.
                        BearerTokenFilter::carriesBearerToken,
                        // An API call with no session has no session privileges to abuse: let it reach
                        // authentication and be answered 401, not a confusing CSRF 403.
                        request -> ProblemResponses.isApi(request) && request.getRequestedSessionId() == null,
                        // Creating a token authenticates from the body, applying needs no sign-in, and SMS
                        // replies are signed: none uses the session, so a forged request gains nothing.
                        request -> "POST".equals(request.getMethod())
                                && (request.getRequestURI().equals("/api/v1/tokens")
                                        || request.getRequestURI().equals("/api/v1/applications")
                                        || request.getRequestURI().equals("/api/v1/sms/inbound"))))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Sign in, or send an API token as 'Authorization: Bearer <token>'."),
                                API)
                        // Feed readers cannot follow a sign-in page: a personal feed without credentials is 401.
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        HttpStatus.UNAUTHORIZED,
                                        "Send an API token as 'Authorization: Bearer <token>', or sign in."),
                                request -> request.getRequestURI().startsWith(request.getContextPath() + "/feeds/"))
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/sign-in"), request -> true)
                        .accessDeniedHandler(accessDenied(problems)))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(
                                permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)"))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                // Only pages are worth returning to after signing in; API calls just fail.
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }

    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> !ProblemResponses.isApi(request) && "GET".equals(request.getMethod()));
        return cache;
    }

    /** Scrapers usually run beside the process; anyone else needs to be an administrator. */
    private static AuthorizationManager<RequestAuthorizationContext> loopbackOrAdministrator() {
        IpAddressMatcher loopbackV4 = new IpAddressMatcher("127.0.0.0/8");
        IpAddressMatcher loopbackV6 = new IpAddressMatcher("::1");
        AuthorizationManager<RequestAuthorizationContext> loopback =
                (authentication, context) -> new AuthorizationDecision(
                        loopbackV4.matches(context.getRequest()) || loopbackV6.matches(context.getRequest()));
        return AuthorizationManagers.anyOf(loopback, AuthorityAuthorizationManager.hasRole("ADMINISTRATOR"));
    }

    /**
     * A half-signed-in session (password done, second factor not) is sent on to finish; anyone
     * else is refused, as problem details on the API and as a page elsewhere.
     */
    private static AccessDeniedHandler accessDenied(ProblemResponses problems) {
        return (request, response, denied) -> {
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (ProblemResponses.isApi(request)) {
                problems.write(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        authentication != null && !Authorities.has(authentication, Authorities.SIGNED_IN)
                                ? "Finish signing in (second factor) first."
                                : "Your role does not allow this.");
            } else if (authentication != null && Authorities.has(authentication, Authorities.CODE_REQUIRED)) {
                response.sendRedirect(request.getContextPath() + "/sign-in/code");
            } else if (authentication != null && Authorities.has(authentication, Authorities.ENROLMENT_REQUIRED)) {
                response.sendRedirect(request.getContextPath() + "/account/two-factor");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }
}

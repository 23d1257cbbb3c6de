package org.cascadehub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cascadehub.access.SignInVerifier.Accepted;
import org.cascadehub.access.SignInVerifier.Throttled;
import org.cascadehub.directory.PersonId;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.platform.Actor;
import org.cascadehub.platform.RunMode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: created with a password (and code), then listed and revoked by their owner. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "API tokens for scripts and integrations")
class TokenController {

    static final String REFUSED = "The email address, password or code is not right.";

    private final SignInVerifier verifier;
    private final ApiTokens tokens;
    private final RunMode mode;

    TokenController(SignInVerifier verifier, ApiTokens tokens, RunMode mode) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.mode = mode;
    }

    record TokenRequest(
            @NotBlank(message = "Enter the email address you sign in with") @Size(max = 320)
            String email,

            @NotBlank(message = "Enter your password") @Size(max = 1000)
            String password,

            @Nullable @Size(max = 20) String totp,

            @Nullable @Size(max = 100, message = "A label is at most 100 characters")
            String label) {

        /** Debug logging prints request bodies: never the password or code. */
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=[PROTECTED], totp=[PROTECTED], label=" + label + "]";
        }
    }

    record TokenCreated(UUID id, String token, Instant expiresAt) {

        /** Debug logging prints response bodies: never the token. */
        @Override
        public String toString() {
            return "TokenCreated[id=" + id + ", token=[PROTECTED], expiresAt=" + expiresAt + "]";
        }
    }

    @PostMapping
    @Operation(
            summary = "Create an API token",
            description = "Send it as 'Authorization: Bearer <token>'. "
                    + "The token is shown only in this response. 'totp' is required once two-factor sign-in is on.")
    ResponseEntity<?> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        var verdict = verifier.checkPassword(request.email().trim(), request.password(), address, "api");
        if (verdict instanceof Throttled throttled) {
            return tooManyAttempts(throttled);
        }
        if (!(verdict instanceof Accepted accepted)) {
            return problem(HttpStatus.UNAUTHORIZED, REFUSED);
        }
        PersonSummary person = accepted.person();
        if (accepted.hasSecondFactor()) {
            var code = verifier.checkCode(person, request.totp() == null ? "" : request.totp(), address);
            if (code instanceof Throttled throttled) {
                return tooManyAttempts(throttled);
            }
            if (!(code instanceof Accepted)) {
                return problem(HttpStatus.UNAUTHORIZED, REFUSED);
            }
        } else if (mode == RunMode.PRODUCTION && person.needsSecondFactor()) {
            return problem(
                    HttpStatus.FORBIDDEN,
                    "Your role needs two-factor sign-in: set it up in the web app first, then create tokens with 'totp'.");
        }
        String label = request.label() == null || request.label().isBlank()
                ? "API token"
                : request.label().trim();
        var issued = tokens.issue(person.id(), label, new Actor(person.email(), address));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
                .body(new TokenCreated(issued.id(), issued.token(), issued.expiresAt()));
    }

    @GetMapping
    @Operation(summary = "List your API tokens", description = "Never includes the tokens themselves.")
    List<ApiTokens.TokenView> list(@AuthenticationPrincipal SignedInPerson person) {
        return tokens.listFor(new PersonId(person.personId()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your API tokens")
    ResponseEntity<?> revoke(@AuthenticationPrincipal SignedInPerson person, @PathVariable UUID id) {
        if (!tokens.revoke(new PersonId(person.personId()), id)) {
            return problem(HttpStatus.NOT_FOUND, "You have no live token with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> tooManyAttempts(Throttled throttled) {
        long minutes = new SignInThrottledException(throttled.retryAfter()).retryAfterMinutes();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, throttled.retryAfter().toSeconds())))
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.TOO_MANY_REQUESTS, SignInController.throttledMessage(Long.toString(minutes))));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}

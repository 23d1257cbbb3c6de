package org.cascadehub.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cascadehub.access.AccessEvents.SecondFactorChecked;
import org.cascadehub.access.AccessEvents.SignInFailed;
import org.cascadehub.access.AccessEvents.SignInSucceeded;
import org.cascadehub.directory.People;
import org.cascadehub.directory.PersonSummary;
import org.cascadehub.platform.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an email and password, and second-factor codes, for the sign-in page and the token
 * endpoint alike: one place applies the rate limits, equalises timing for unknown accounts, and
 * publishes the outcome for the audit log.
 */
@Service
class SignInVerifier {

    /** Compared against when the account does not exist, so both paths cost one hash check. */
    private final String unknownAccountHash;

    private final People people;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInVerifier(
            People people,
            Credentials credentials,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.credentials = credentials;
        this.encoder = encoder;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.unknownAccountHash = encoder.encode("no account has this password");
    }

    sealed interface Verdict {}

    record Accepted(PersonSummary person, boolean hasSecondFactor) implements Verdict {}

    record Refused() implements Verdict {}

    record Throttled(Duration retryAfter) implements Verdict {}

    @Transactional
    Verdict checkPassword(String email, String password, @Nullable String address, String channel) {
        Actor actor = new Actor(email, address);
        Duration wait = throttle.waitBeforeTrying(email, address);
        if (!wait.isZero()) {
            events.publishEvent(new SignInFailed("throttled", channel, actor));
            return new Throttled(wait);
        }
        Optional<PersonSummary> person = people.findByEmail(email);
        String hash = person.flatMap(p -> credentials.passwordHash(p.id())).orElse(unknownAccountHash);
        boolean matches = encoder.matches(password, hash);
        if (person.isEmpty() || !matches || !person.get().active()) {
            throttle.recordFailure(email, address);
            String reason = person.isEmpty() ? "unknown account" : !matches ? "wrong password" : "account not active";
            events.publishEvent(new SignInFailed(reason, channel, actor));
            return new Refused();
        }
        throttle.recordSuccess(email);
        events.publishEvent(new SignInSucceeded(
                person.get().id().value(), channel, new Actor(person.get().email(), address)));
        return new Accepted(
                person.get(), credentials.hasSecondFactor(person.get().id()));
    }

    /**
     * Checks a second-factor code; wrong codes count against the same limits as wrong passwords.
     * A code is accepted once only.
     */
    @Transactional
    Verdict checkCode(PersonSummary person, String code, @Nullable String address) {
        Actor actor = new Actor(person.email(), address);
        Duration wait = throttle.waitBeforeTrying(person.email(), address);
        if (!wait.isZero()) {
            events.publishEvent(new SecondFactorChecked(person.id().value(), false, actor));
            return new Throttled(wait);
        }
        boolean accepted = credentials
                .totpSecret(person.id())
                .flatMap(secret -> {
                    var step = Totp.matchingStep(secret, code, clock.instant());
                    return step.isPresent() ? Optional.of(step.getAsLong()) : Optional.<Long>empty();
                })
                .map(step -> credentials.consumeStep(person.id(), step))
                .orElse(false);
        events.publishEvent(new SecondFactorChecked(person.id().value(), accepted, actor));
        if (!accepted) {
            throttle.recordFailure(person.email(), address);
            return new Refused();
        }
        return new Accepted(person, true);
    }
}

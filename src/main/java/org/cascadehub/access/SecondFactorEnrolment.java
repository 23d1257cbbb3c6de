package org.cascadehub.access;

import java.time.Clock;
import java.util.OptionalLong;
import org.cascadehub.access.AccessEvents.SecondFactorEnrolled;
import org.cascadehub.directory.PersonId;
import org.cascadehub.platform.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns on two-factor sign-in once the person proves their app shows the right codes. */
@Service
class SecondFactorEnrolment {

    private final Credentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SecondFactorEnrolment(Credentials credentials, ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    /** True if the code matches the new secret, which is then stored; false changes nothing. */
    @Transactional
    boolean confirm(PersonId person, String secret, String code, Actor actor) {
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            return false;
        }
        credentials.enrolSecondFactor(person, secret, step.getAsLong());
        events.publishEvent(new SecondFactorEnrolled(person.value(), actor));
        return true;
    }

    boolean enrolled(PersonId person) {
        return credentials.hasSecondFactor(person);
    }
}

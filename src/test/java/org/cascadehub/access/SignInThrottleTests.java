package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final AccessSettings settings =
            new AccessSettings(Duration.ofDays(30), 5, 20, Duration.ofMinutes(15), "Cascade", 200_000);
    private final SignInThrottle throttle = new SignInThrottle(settings, clock);

    @Test
    void fiveFailuresForAnAccountBlockItUntilTheWindowPasses() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("Sam@Example.test", "10.0.0." + i);
            assertThat(throttle.waitBeforeTrying("sam@example.test", "10.0.1.1"))
                    .isZero();
        }
        throttle.recordFailure("sam@example.test ", "10.0.0.9");

        assertThat(throttle.waitBeforeTrying("SAM@example.test", "10.0.1.1")).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.waitBeforeTrying("sam@example.test", "10.0.1.1")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.waitBeforeTrying("sam@example.test", "10.0.1.1")).isZero();
    }

    @Test
    void twentyFailuresFromOneAddressBlockEveryAccountFromThere() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("person" + i + "@example.test", "192.0.2.7");
        }

        assertThat(throttle.waitBeforeTrying("someone-else@example.test", "192.0.2.7"))
                .isPositive();
        assertThat(throttle.waitBeforeTrying("someone-else@example.test", "192.0.2.8"))
                .isZero();
    }

    @Test
    void aCorrectSignInClearsTheAccountsCountButNotTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("sam@example.test", "192.0.2.7");
        }
        throttle.recordSuccess("sam@example.test");
        throttle.recordFailure("sam@example.test", "192.0.2.7");

        assertThat(throttle.waitBeforeTrying("sam@example.test", "198.51.100.1"))
                .isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        throttle.recordFailure("sam@example.test", "192.0.2.7");
        clock.advance(Duration.ofMinutes(16));
        throttle.forgetOldFailures();
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("sam@example.test", "192.0.2.7");
        }

        assertThat(throttle.waitBeforeTrying("sam@example.test", "192.0.2.7")).isZero();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

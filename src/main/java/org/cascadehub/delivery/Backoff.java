package org.cascadehub.delivery;

import java.time.Duration;

/**
 * Exponential backoff between delivery attempts: {@code first} after the first failure, doubling
 * with each further one, never more than {@code longest}.
 */
record Backoff(Duration first, Duration longest) {

    static final Duration AN_HOUR = Duration.ofHours(1);

    Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= longest, not " + first + ", " + longest);
        }
    }

    /** The wait after the given number of failed attempts (1 or more). */
    Duration after(int attempts) {
        Duration wait = first.multipliedBy(1L << Math.clamp(attempts - 1, 0, 20));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}

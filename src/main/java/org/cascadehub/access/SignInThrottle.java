package org.cascadehub.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per claimed email and per remote address over a sliding window. It keys
 * by the email as typed, whether or not such an account exists, so being throttled reveals nothing
 * about which accounts exist. Counts are per process; several nodes each keep their own.
 */
@Component
class SignInThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AccessSettings settings;
    private final Clock clock;

    SignInThrottle(AccessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long the caller must wait, or {@link Duration#ZERO} if it may try now. */
    Duration waitBeforeTrying(String email, @Nullable String address) {
        Instant now = clock.instant();
        Duration account = wait(accountKey(email), settings.accountFailureLimit(), now);
        Duration origin =
                address == null ? Duration.ZERO : wait(addressKey(address), settings.addressFailureLimit(), now);
        return account.compareTo(origin) >= 0 ? account : origin;
    }

    void recordFailure(String email, @Nullable String address) {
        Instant now = clock.instant();
        record(accountKey(email), now);
        if (address != null) {
            record(addressKey(address), now);
        }
    }

    /** A correct sign-in clears the account's count; the address's count runs its course. */
    void recordSuccess(String email) {
        failures.remove(accountKey(email));
    }

    @Scheduled(fixedDelayString = "PT1M")
    void forgetOldFailures() {
        Instant cutoff = clock.instant().minus(settings.failureWindow());
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().removeIf(at -> at.isBefore(cutoff));
                return entry.getValue().isEmpty();
            }
        });
    }

    private Duration wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant cutoff = now.minus(settings.failureWindow());
            times.removeIf(at -> at.isBefore(cutoff));
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            // Blocked until enough of the failures in the window have aged out.
            Instant oldestCounted =
                    times.stream().skip(times.size() - limit).findFirst().orElse(now);
            return Duration.between(now, oldestCounted.plus(settings.failureWindow()));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    private static String accountKey(String email) {
        return "account:" + email.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    /** RFC 6238 appendix B: the SHA-1 test vectors (8 digits, seed "12345678901234567890"). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void matchesTheRfc6238TestVectors(long seconds, String expected) {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(seconds)), "HmacSHA1", 8))
                .isEqualTo(expected);
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.fromBase32("MZXW 6YTB OI======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepOfDriftOnly() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-29T12:00:10Z");
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
    }

    @Test
    void refusesCodesThatAreNotSixDigits() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        assertThat(Totp.matchingStep(secret, "", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
    }

    @Test
    void provisioningUriNamesIssuerAccountAndSecret() {
        assertThat(Totp.provisioningUri("Cascade", "sam@example.test", "ABCD"))
                .isEqualTo(
                        "otpauth://totp/Cascade:sam%40example.test?secret=ABCD&issuer=Cascade&algorithm=SHA1&digits=6&period=30");
    }
}

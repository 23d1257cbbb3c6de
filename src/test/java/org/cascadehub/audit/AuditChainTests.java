package org.cascadehub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTests {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void hashCoversEveryField() {
        String base =
                AuditChain.hash(1, AT, "sam@example.test", "127.0.0.1", "SignInSucceeded", "{}", AuditChain.GENESIS);
        assertThat(AuditChain.hash(2, AT, "sam@example.test", "127.0.0.1", "SignInSucceeded", "{}", AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(
                        1,
                        AT.plusNanos(1000),
                        "sam@example.test",
                        "127.0.0.1",
                        "SignInSucceeded",
                        "{}",
                        AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "sim@example.test", "127.0.0.1", "SignInSucceeded", "{}", AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "sam@example.test", null, "SignInSucceeded", "{}", AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "sam@example.test", "127.0.0.1", "SignInFailed", "{}", AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(
                        1, AT, "sam@example.test", "127.0.0.1", "SignInSucceeded", "{\"a\":1}", AuditChain.GENESIS))
                .isNotEqualTo(base);
        assertThat(AuditChain.hash(1, AT, "sam@example.test", "127.0.0.1", "SignInSucceeded", "{}", "f".repeat(64)))
                .isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash alike.
        assertThat(AuditChain.hash(1, AT, "ab", null, "c", "{}", AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, AT, "a", null, "bc", "{}", AuditChain.GENESIS));
    }

    @Test
    void hashIsStable() {
        assertThat(AuditChain.hash(1, AT, "a", null, "b", "{}", AuditChain.GENESIS))
                .isEqualTo(AuditChain.hash(1, AT, "a", null, "b", "{}", AuditChain.GENESIS))
                .hasSize(64);
    }
}

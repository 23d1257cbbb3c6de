package org.cascadehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.cascadehub.platform.InvalidInput;
import org.cascadehub.platform.RunMode;
import org.junit.jupiter.api.Test;

/** Where a webhook may send, and what it may ask for; every refusal names its field. */
class WebhookRulesTests {

    @Test
    void httpsIsAcceptedEverywhere() {
        assertThat(WebhookRules.url(" https://partner.example/cascade?x=1 ", RunMode.PRODUCTION))
                .hasToString("https://partner.example/cascade?x=1");
    }

    @Test
    void plainHttpGoesOnlyToThisMachineInProduction() {
        assertThat(WebhookRules.url("http://127.0.0.1:9000/hook", RunMode.PRODUCTION))
                .isNotNull();
        assertThat(WebhookRules.url("http://localhost/hook", RunMode.PRODUCTION))
                .isNotNull();
        assertThat(WebhookRules.url("http://[::1]:8000/hook", RunMode.PRODUCTION))
                .isNotNull();
        assertRefused(() -> WebhookRules.url("http://partner.example/hook", RunMode.PRODUCTION), "url", "https://");
        assertRefused(() -> WebhookRules.url("http://10.0.0.5/hook", RunMode.PRODUCTION), "url", "https://");
    }

    @Test
    void plainHttpIsAcceptedInDemoMode() {
        assertThat(WebhookRules.url("http://partner.example/hook", RunMode.DEMO))
                .isNotNull();
    }

    @Test
    void addressesThatAreNotWebAddressesAreRefused() {
        assertRefused(() -> WebhookRules.url("", RunMode.DEMO), "url", "Enter the address");
        assertRefused(() -> WebhookRules.url(null, RunMode.DEMO), "url", "Enter the address");
        assertRefused(() -> WebhookRules.url("ftp://partner.example/", RunMode.DEMO), "url", "full address");
        assertRefused(() -> WebhookRules.url("partner.example/hook", RunMode.DEMO), "url", "full address");
        assertRefused(() -> WebhookRules.url("https://has space.example/", RunMode.DEMO), "url", "not a valid URL");
        assertRefused(() -> WebhookRules.url("https://user:pass@partner.example/", RunMode.DEMO), "url", "user name");
        assertRefused(() -> WebhookRules.url("https://partner.example/#x", RunMode.DEMO), "url", "fragment");
        assertRefused(
                () -> WebhookRules.url("https://partner.example/" + "a".repeat(2_000), RunMode.DEMO), "url", "at most");
    }

    @Test
    void eventTypesAreNamedOrEverything() {
        assertThat(WebhookRules.eventTypes(List.of("alert.published", "alert.published", "report_created")))
                .containsExactly("alert.published", "report_created");
        assertThat(WebhookRules.eventTypes(List.of("*"))).containsExactly("*");
    }

    @Test
    void eventTypesThatAreNotNamesAreRefused() {
        assertRefused(() -> WebhookRules.eventTypes(List.of()), "eventTypes", "at least one");
        assertRefused(() -> WebhookRules.eventTypes(null), "eventTypes", "at least one");
        assertRefused(() -> WebhookRules.eventTypes(List.of("Alert Published")), "eventTypes", "'Alert Published'");
        assertRefused(() -> WebhookRules.eventTypes(Arrays.asList("alert.published", null)), "eventTypes", "''");
        assertRefused(
                () -> WebhookRules.eventTypes(java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "type" + i)
                        .toList()),
                "eventTypes",
                "at most 20");
    }

    private static void assertRefused(Runnable check, String field, String message) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .satisfies(problem -> {
                                    assertThat(problem.field()).isEqualTo(field);
                                    assertThat(problem.message()).contains(message);
                                }));
    }
}

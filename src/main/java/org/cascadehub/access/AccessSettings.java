package org.cascadehub.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code cascade.access.*}).
 *
 * @param tokenLifetime how long an API token lives
 * @param accountFailureLimit failed sign-ins for one email within {@code failureWindow} before it is throttled
 * @param addressFailureLimit failed sign-ins from one address within {@code failureWindow} before it is throttled
 * @param failureWindow the window the failure limits count over
 * @param issuer the name authenticator apps show beside a Cascade code
 * @param tokensHeld how many live API tokens (with their people) a node holds in memory, so that
 *     checking them reads nothing; tokens beyond it are read from the database on each use
 */
@ConfigurationProperties("cascade.access")
record AccessSettings(
        @DefaultValue("P30D") Duration tokenLifetime,
        @DefaultValue("5") int accountFailureLimit,
        @DefaultValue("20") int addressFailureLimit,
        @DefaultValue("PT15M") Duration failureWindow,
        @DefaultValue("Cascade") String issuer,
        @DefaultValue("200000") int tokensHeld) {

    AccessSettings {
        if (tokensHeld < 0) {
            throw new IllegalArgumentException("cascade.access.tokens-held must be 0 or more");
        }
    }
}

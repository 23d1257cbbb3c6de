package org.cascadehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The only loosening of the policy: map tiles from the configured tile server. */
class ContentSecurityPolicyTests {

    @Test
    void withoutATileServerImagesComeOnlyFromCascade() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(""))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("img-src 'self' data:;");
    }

    @Test
    void aTileServerOnAnotherOriginMayServeImagesAndNothingElse() {
        String policy = SecurityConfiguration.contentSecurityPolicy("https://{s}.tile.example.org/{z}/{x}/{y}.png");

        assertThat(policy).contains("img-src 'self' data: https://*.tile.example.org;");
        assertThat(policy.replace("img-src 'self' data: https://*.tile.example.org;", "img-src 'self' data:;"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void aTileUrlCannotAddOtherDirectives() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("https://evil.example; script-src *;/{z}.png"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void tilesServedByCascadeItselfNeedNoChange() {
        assertThat(SecurityConfiguration.contentSecurityPolicy("/tiles/{z}/{x}/{y}.png"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }
}

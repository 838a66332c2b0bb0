package jp.sapphire.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a1", "demo", "kabushiki-gaisha-123", "0-start"})
    void aLowerCaseIdOfLettersDigitsAndHyphensIsATenantId(String slug) {
        assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
        assertThat(TenantSlug.isWellFormed(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Acme", "-acme", "ac me", "acme_corp", "acme/../x", "株式会社"})
    void anythingElseIsRefusedWithTheRule(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 63 lower-case letters, digits and hyphens");
        assertThat(TenantSlug.isWellFormed(slug)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "api", "app"})
    void wordsSapphireUsesAreReserved(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).hasMessageContaining("reserved");
    }

    @org.junit.jupiter.api.Test
    void aTooLongIdIsRefused() {
        assertThatThrownBy(() -> new TenantSlug("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TenantSlug("a".repeat(63)).value()).hasSize(63);
    }
}

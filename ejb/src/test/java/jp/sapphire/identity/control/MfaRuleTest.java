package jp.sapphire.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MfaRuleTest {

    @Test
    void noRuleIsSatisfiedByAnything() {
        assertThat(MfaRule.NONE.isRequired()).isFalse();
        assertThat(MfaRule.NONE.isSatisfiedBy(List.of(), null)).isTrue();
    }

    @Test
    void anAmrRuleNeedsOneOfItsMethods() {
        MfaRule rule = new MfaRule(List.of("mfa", "otp"), null);
        assertThat(rule.isRequired()).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("pwd", "otp"), null)).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("mfa"), "anything")).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("pwd"), null)).isFalse();
        assertThat(rule.isSatisfiedBy(List.of(), null)).isFalse();
    }

    @Test
    void anAcrRuleNeedsExactlyThatValue() {
        MfaRule rule = new MfaRule(List.of(), "urn:example:loa:high");
        assertThat(rule.isRequired()).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("mfa"), "urn:example:loa:high")).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("mfa"), "urn:example:loa:low")).isFalse();
        assertThat(rule.isSatisfiedBy(List.of("mfa"), null)).isFalse();
    }

    @Test
    void withBothBothMustHold() {
        MfaRule rule = new MfaRule(List.of("mfa"), "urn:example:loa:high");
        assertThat(rule.isSatisfiedBy(List.of("mfa"), "urn:example:loa:high")).isTrue();
        assertThat(rule.isSatisfiedBy(List.of("pwd"), "urn:example:loa:high")).isFalse();
        assertThat(rule.isSatisfiedBy(List.of("mfa"), null)).isFalse();
    }

    @Test
    void theRuleKeepsItsOwnCopyOfTheMethods() {
        var methods = new java.util.ArrayList<>(List.of("mfa"));
        MfaRule rule = new MfaRule(methods, null);
        methods.clear();
        assertThat(rule.amrAnyOf()).containsExactly("mfa");
    }
}

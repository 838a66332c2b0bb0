package jp.sapphire.identity.control;

import static jp.sapphire.identity.entity.Role.ACCOUNTING;
import static jp.sapphire.identity.entity.Role.APPROVER;
import static jp.sapphire.identity.entity.Role.EMPLOYEE;
import static jp.sapphire.identity.entity.Role.TENANT_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.sapphire.identity.control.RoleResolver.Grant;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.identity.entity.RoleBinding.Kind;
import org.junit.jupiter.api.Test;

class RoleResolverTest {

    private static final List<RoleBinding> BINDINGS = List.of(
            binding(EMPLOYEE, Kind.GROUP, "staff"),
            binding(APPROVER, Kind.SUBJECT, "sato"),
            binding(ACCOUNTING, Kind.GROUP, "keiri"),
            binding(TENANT_ADMIN, Kind.SUBJECT, "tanaka"));

    private static final MfaRule MFA = new MfaRule(List.of("mfa", "otp"), null);
    private static final String ISSUER = "https://login.example.co.jp/";

    @Test
    void bindsBySubjectAndByGroup() {
        assertThat(grant("sato", List.of("staff"), true, MfaRule.NONE, List.of(), null).roles())
                .containsExactlyInAnyOrder(EMPLOYEE, APPROVER);
        assertThat(grant("suzuki", List.of("staff", "keiri"), true, MfaRule.NONE, List.of(), null).roles())
                .containsExactlyInAnyOrder(EMPLOYEE, ACCOUNTING);
    }

    @Test
    void aSubjectBindingNamesTheUserIdAtItsIssuerOnly() {
        assertThat(RoleResolver.resolve(BINDINGS, "https://other-idp.example/", "sato", List.of("staff"), true,
                MfaRule.NONE, List.of(), null).roles()).as("the same user ID at another IdP").containsExactly(EMPLOYEE);
        RoleBinding beforeAnyIdp = new RoleBinding(APPROVER, Kind.SUBJECT, "kato", null, Instant.EPOCH);
        assertThat(beforeAnyIdp.names(ISSUER, "kato", List.of())).isTrue();
        beforeAnyIdp.adoptIssuer(ISSUER);
        assertThat(beforeAnyIdp.getIssuer()).isEqualTo(ISSUER);
        assertThat(beforeAnyIdp.names("https://other-idp.example/", "kato", List.of())).isFalse();
        assertThat(new RoleBinding(EMPLOYEE, Kind.GROUP, "staff", ISSUER, Instant.EPOCH).getIssuer())
                .as("a group keeps no issuer").isNull();
    }

    @Test
    void aSubjectBindingDoesNotMatchAGroupOfTheSameName() {
        assertThat(grant("nobody", List.of("sato", "tanaka"), true, MfaRule.NONE, List.of(), null).roles()).isEmpty();
    }

    @Test
    void privilegedRoleNeedsTheProviderToHaveEnabledIt() {
        Grant grant = grant("tanaka", List.of("staff"), false, MfaRule.NONE, List.of(), null);
        assertThat(grant.roles()).containsExactly(EMPLOYEE);
        assertThat(grant.stepUpOffered()).isFalse();
    }

    @Test
    void privilegedRoleIsWithheldWithoutMfaAndAStepUpIsOffered() {
        Grant withoutMfa = grant("tanaka", List.of("staff"), true, MFA, List.of("pwd"), null);
        assertThat(withoutMfa.roles()).containsExactly(EMPLOYEE);
        assertThat(withoutMfa.stepUpOffered()).isTrue();

        Grant withMfa = grant("tanaka", List.of("staff"), true, MFA, List.of("pwd", "otp"), null);
        assertThat(withMfa.roles()).containsExactlyInAnyOrder(EMPLOYEE, TENANT_ADMIN);
        assertThat(withMfa.stepUpOffered()).isFalse();
    }

    @Test
    void anAcrRuleNeedsExactlyThatAcr() {
        MfaRule acr = new MfaRule(List.of(), "urn:example:loa:high");
        assertThat(grant("tanaka", List.of(), true, acr, List.of("mfa"), "urn:example:loa:low").roles()).isEmpty();
        assertThat(grant("tanaka", List.of(), true, acr, List.of(), "urn:example:loa:high").roles()).containsExactly(TENANT_ADMIN);
    }

    @Test
    void withBothRulesBothMustHold() {
        MfaRule both = new MfaRule(List.of("mfa"), "high");
        assertThat(both.isSatisfiedBy(List.of("mfa"), "low")).isFalse();
        assertThat(both.isSatisfiedBy(List.of("pwd"), "high")).isFalse();
        assertThat(both.isSatisfiedBy(List.of("mfa"), "high")).isTrue();
        assertThat(MfaRule.NONE.isRequired()).isFalse();
    }

    @Test
    void mfaMattersOnlyForThePrivilegedRole() {
        Grant grant = grant("sato", List.of("staff"), true, MFA, List.of(), null);
        assertThat(grant.roles()).containsExactlyInAnyOrder(EMPLOYEE, APPROVER);
        assertThat(grant.stepUpOffered()).isFalse();
    }

    private static Grant grant(String subject, List<String> groups, boolean privileged, MfaRule mfa,
                               List<String> amr, String acr) {
        return RoleResolver.resolve(BINDINGS, ISSUER, subject, groups, privileged, mfa, amr, acr);
    }

    private static RoleBinding binding(Role role, Kind kind, String value) {
        return new RoleBinding(role, kind, value, ISSUER, Instant.EPOCH);
    }
}

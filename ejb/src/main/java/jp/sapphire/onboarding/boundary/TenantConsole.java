package jp.sapphire.onboarding.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.management.OperationsException;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.operations.control.OperatorConsole;
import jp.sapphire.operations.control.OperatorMBeans;
import jp.sapphire.tenant.boundary.TenantDeletions;
import jp.sapphire.tenant.entity.Tenant;

/** Registers {@link TenantConsoleMBean} while the application runs; calls go to {@link Onboarding} and {@link TenantDeletions}. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TenantConsole extends OperatorConsole<TenantConsoleMBean> implements TenantConsoleMBean {

    public static final String NAME = "jp.sapphire:type=Tenants";

    @EJB
    Onboarding onboarding;

    @EJB
    TenantDeletions deletions;

    public TenantConsole() {
        super(TenantConsoleMBean.class, NAME);
    }

    @Override
    public String createTenant(String slug, String name, String region) throws OperationsException {
        return OperatorMBeans.answer(() -> json(onboarding.create(OperatorMBeans.operator(), slug, name, region)).build().toString());
    }

    @Override
    public String listTenants() throws OperationsException {
        return OperatorMBeans.answer(() -> {
            JsonArrayBuilder tenants = Json.createArrayBuilder();
            onboarding.list().forEach(tenant -> tenants.add(json(tenant)));
            return Json.createObjectBuilder().add("tenants", tenants).build().toString();
        });
    }

    @Override
    public String showTenant(String slug) throws OperationsException {
        return OperatorMBeans.answer(() -> {
            Onboarding.Usage usage = onboarding.show(slug);
            JsonObjectBuilder perMonth = Json.createObjectBuilder();
            usage.reportsPerMonth().forEach(perMonth::add);
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("slug", usage.slug()).add("name", usage.name()).add("region", usage.region())
                    .add("status", usage.status()).add("createdAt", usage.createdAt().toString())
                    .add("privilegedAccount", usage.privilegedAccounts() ? "enabled" : "not enabled")
                    .add("members", Json.createObjectBuilder().add("active", usage.activeMembers())
                            .add("deactivated", usage.inactiveMembers()))
                    .add("reports", usage.reports()).add("reportsPerMonth", perMonth)
                    .add("receipts", Json.createObjectBuilder().add("count", usage.receipts()).add("bytes", usage.receiptBytes()))
                    .add("storedBytes", usage.storedBytes());
            optional(json, "issuer", usage.issuer());
            optional(json, "lastSignIn", usage.lastSignIn());
            optional(json, "lastActivity", usage.lastActivity());
            return json.build().toString();
        });
    }

    @Override
    public String suspendTenant(String slug) throws OperationsException {
        return OperatorMBeans.answer(() -> json(onboarding.suspend(OperatorMBeans.operator(), slug, true)).build().toString());
    }

    @Override
    public String resumeTenant(String slug) throws OperationsException {
        return OperatorMBeans.answer(() -> json(onboarding.suspend(OperatorMBeans.operator(), slug, false)).build().toString());
    }

    @Override
    public String setIdentityProvider(String slug, String issuer, String clientId, String clientSecret, String nameClaim,
                                      String emailClaim, String groupsClaim, String mfaAmr, String mfaAcr)
            throws OperationsException {
        return OperatorMBeans.answer(() -> {
            IdentityProviderSettings usual = IdentityProviderSettings.of(issuer, clientId, clientSecret);
            List<String> amr = mfaAmr == null || mfaAmr.isBlank() ? List.of()
                    : Arrays.stream(mfaAmr.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
            IdentityProviderSettings settings = new IdentityProviderSettings(issuer, clientId, clientSecret, usual.scopes(),
                    orUsual(groupsClaim, usual.groupsClaim()), orUsual(emailClaim, usual.emailClaim()),
                    orUsual(nameClaim, usual.nameClaim()), amr, mfaAcr == null || mfaAcr.isBlank() ? null : mfaAcr.strip());
            IdentityProvider idp = onboarding.setIdentityProvider(OperatorMBeans.operator(), slug, settings);
            JsonObjectBuilder json = Json.createObjectBuilder().add("slug", slug).add("issuer", idp.getIssuer())
                    .add("clientId", idp.getClientId()).add("clientSecret", "stored, sealed")
                    .add("mfaAmr", String.join(",", idp.getMfaAmrValues()));
            optional(json, "mfaAcr", idp.getMfaAcrValue());
            return json.build().toString();
        });
    }

    @Override
    public String enablePrivilegedAccount(String slug, String kind, String value) throws OperationsException {
        return OperatorMBeans.answer(() -> {
            RoleBinding binding = onboarding.enablePrivilegedAccount(OperatorMBeans.operator(), slug, kind, value);
            return Json.createObjectBuilder().add("slug", slug).add("privilegedAccount", "enabled")
                    .add("administrator", binding.getKind() + " " + binding.getValue()).build().toString();
        });
    }

    @Override
    public String withdrawPrivilegedAccount(String slug) throws OperationsException {
        return OperatorMBeans.answer(() -> json(onboarding.withdrawPrivilegedAccount(OperatorMBeans.operator(), slug))
                .build().toString());
    }

    @Override
    public String[] listDeletions() throws OperationsException {
        return OperatorMBeans.answer(() -> deletions.list().toArray(String[]::new));
    }

    @Override
    public String deleteTenant(String tenantSlug) throws OperationsException {
        return OperatorMBeans.answer(() -> deletions.execute(OperatorMBeans.operator(), tenantSlug));
    }

    @Override
    public String deleteDue() throws OperationsException {
        return OperatorMBeans.answer(() -> "deleted: " + deletions.executeDue(OperatorMBeans.operator()));
    }

    private static JsonObjectBuilder json(Tenant tenant) {
        return Json.createObjectBuilder().add("slug", tenant.getSlug()).add("name", tenant.getDisplayName())
                .add("region", tenant.getRegion().name()).add("status", tenant.getStatus().name())
                .add("createdAt", tenant.getCreatedAt().toString())
                .add("privilegedAccount", tenant.isPrivilegedAccountsEnabled() ? "enabled" : "not enabled");
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value instanceof Instant instant ? instant.toString() : value.toString());
        }
    }

    private static String orUsual(String given, String usual) {
        return given == null || given.isBlank() ? usual : given.strip();
    }
}

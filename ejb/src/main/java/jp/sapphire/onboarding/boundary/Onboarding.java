package jp.sapphire.onboarding.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.defence.control.OutboundUrls;
import jp.sapphire.identity.boundary.IdentityProviderSettings;
import jp.sapphire.identity.boundary.IdentityProviders;
import jp.sapphire.identity.boundary.RoleBindings;
import jp.sapphire.identity.control.IssuerCheck;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.operations.control.Refused;
import jp.sapphire.tenant.boundary.TenantProvisioning;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.control.TenantSlug;
import jp.sapphire.tenant.entity.Region;
import jp.sapphire.tenant.entity.Tenant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider's onboarding and running of customers (whitepaper §8, §9): open a tenant, connect it
 * to the customer's own IdP (checked before it is stored), issue its privileged account bound to
 * the customer's first administrator, suspend and resume it, and see its usage — counts, sizes and
 * times, never content. Operators reach it only through the tenant console
 * ({@code jp.sapphire:type=Tenants}); every step, done or refused, is in the system audit log
 * under the operator's name. Each step that writes provider-side and tenant data does so in
 * transactions of their own (one global transaction cannot hold two one-phase data sources).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Onboarding {

    /** A tenant as operators see it: what it is and how much it uses, nothing of what it holds. */
    public record Usage(String slug, String name, String region, String status, Instant createdAt,
                        boolean privilegedAccounts, String issuer, long activeMembers, long inactiveMembers, long reports,
                        Map<String, Long> reportsPerMonth, long receipts, long receiptBytes, long storedBytes,
                        Instant lastSignIn, Instant lastActivity) {
    }

    @PersistenceContext(unitName = "system")
    EntityManager system;

    @EJB
    TenantProvisioning provisioning;

    @EJB
    IdentityProviders identityProviders;

    @EJB
    RoleBindings roleBindings;

    @EJB
    SystemAudit audit;

    @Inject
    TenantContext tenants;

    @Inject
    Validator validator;

    @Inject
    OutboundUrls outbound;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sapphire.batch.zone")
    String zone;

    /** Opens a tenant: active, without an IdP or privileged account yet. */
    public Tenant create(String operator, String slug, String name, String region) {
        return refusedOrAudited(operator, SystemEvent.TENANT_CREATED, null, "create " + slug, () -> {
            String id = new TenantSlug(slug).value();
            if (name == null || name.isBlank() || name.strip().length() > 200) {
                throw new Refused("A tenant needs a name of 1 to 200 characters.");
            }
            Region where;
            try {
                where = Region.valueOf(region);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Refused("The region must be asia or us, not " + region + ".");
            }
            if (provisioning.findBySlug(id).isPresent()) {
                throw new Refused("The tenant id " + id + " is taken.");
            }
            return provisioning.provision(id, name.strip(), where);
        }, tenant -> "tenant " + tenant.getSlug() + " (" + tenant.getDisplayName() + ") opened in " + tenant.getRegion());
    }

    public List<Tenant> list() {
        return provisioning.all();
    }

    public Usage show(String slug) {
        Tenant tenant = tenant(slug);
        Object[] usage = (Object[]) system.createNativeQuery("SELECT * FROM tenant_usage(?1)")
                .setParameter(1, tenant.getId()).getSingleResult();
        Instant since = ZonedDateTime.ofInstant(clock.instant(), ZoneId.of(zone)).withDayOfMonth(1)
                .minusMonths(11).toLocalDate().atStartOfDay(ZoneId.of(zone)).toInstant();
        Map<String, Long> perMonth = new LinkedHashMap<>();
        for (Object row : system.createNativeQuery("SELECT * FROM tenant_reports_per_month(?1, ?2, ?3)")
                .setParameter(1, tenant.getId()).setParameter(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .setParameter(3, zone).getResultList()) {
            Object[] month = (Object[]) row;
            perMonth.put((String) month[0], ((Number) month[1]).longValue());
        }
        String issuer = tenants.callAsTenant(tenant.getId(), identityProviders::current).map(IdentityProvider::getIssuer)
                .orElse(null);
        return new Usage(tenant.getSlug(), tenant.getDisplayName(), tenant.getRegion().name(), tenant.getStatus().name(),
                tenant.getCreatedAt(), tenant.isPrivilegedAccountsEnabled(), issuer, number(usage[0]), number(usage[1]),
                number(usage[2]), perMonth, number(usage[3]), number(usage[4]), number(usage[5]), instant(usage[6]),
                instant(usage[7]));
    }

    public Tenant suspend(String operator, String slug, boolean suspended) {
        try {
            return provisioning.setSuspended(slug, suspended, operator);
        } catch (Refused refused) {
            audit.failure(suspended ? SystemEvent.TENANT_SUSPENDED : SystemEvent.TENANT_RESUMED, null, operator,
                    slug + ": " + refused.getMessage());
            throw refused;
        }
    }

    /**
     * Connects the tenant to its IdP: the issuer's discovery document and signing keys are fetched
     * and checked first, and nothing is stored unless they hold. The client secret is sealed under
     * the master key and never given back.
     */
    public IdentityProvider setIdentityProvider(String operator, String slug, IdentityProviderSettings settings) {
        Tenant tenant = tenant(slug);
        return refusedOrAudited(operator, SystemEvent.IDENTITY_PROVIDER_CHANGED, tenant.getId(), "IdP of " + slug, () -> {
            Set<ConstraintViolation<IdentityProviderSettings>> violations = validator.validate(settings);
            if (!violations.isEmpty()) {
                throw new Refused(violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                        .collect(Collectors.joining("; ")));
            }
            IssuerCheck.Found found = IssuerCheck.check(settings.issuer(), outbound);
            if (!found.ok()) {
                throw new Refused("The issuer " + settings.issuer() + " cannot be used: " + found.describe());
            }
            return tenants.callAsTenant(tenant.getId(), () -> identityProviders.configure(settings));
        }, idp -> "issuer " + idp.getIssuer() + ", client " + idp.getClientId() + " (keys checked)");
    }

    /**
     * Issues the tenant's privileged account (特権アカウント) on the customer's request and binds
     * {@code TENANT_ADMIN} to the customer's first administrator: an IdP user ID ({@code SUBJECT})
     * or an IdP group ({@code GROUP}).
     */
    public RoleBinding enablePrivilegedAccount(String operator, String slug, String kind, String value) {
        Tenant tenant = tenant(slug);
        return refusedOrAudited(operator, SystemEvent.PRIVILEGED_ACCOUNTS_CHANGED, tenant.getId(), "privileged account of " + slug,
                () -> {
                    RoleBinding.Kind bound;
                    try {
                        bound = RoleBinding.Kind.valueOf(kind);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw new Refused("Bind the administrator by SUBJECT (an IdP user ID) or GROUP, not " + kind + ".");
                    }
                    if (value == null || value.isBlank() || value.length() > 255) {
                        throw new Refused("Name the administrator's IdP user ID or group (1 to 255 characters).");
                    }
                    provisioning.setPrivilegedAccounts(tenant.getId(), true, operator);
                    return tenants.callAsTenant(tenant.getId(), () -> roleBindings.grant(Role.TENANT_ADMIN, bound, value.strip()));
                }, binding -> "privileged account enabled, TENANT_ADMIN bound to " + binding.getKind() + " " + binding.getValue());
    }

    /**
     * Withdraws the privileged account: from the next request nobody of the tenant holds
     * {@code TENANT_ADMIN}; the bindings stay, inactive, until it is enabled again.
     */
    public Tenant withdrawPrivilegedAccount(String operator, String slug) {
        Tenant tenant = tenant(slug);
        provisioning.setPrivilegedAccounts(tenant.getId(), false, operator);
        return tenant(slug);
    }

    private Tenant tenant(String slug) {
        if (!TenantSlug.isWellFormed(slug)) {
            throw new Refused("Not a tenant id: " + slug);
        }
        return provisioning.findBySlug(slug).orElseThrow(() -> new Refused("No tenant " + slug + "."));
    }

    @FunctionalInterface
    private interface Step<T> {
        T run();
    }

    /** Runs a step; its success or refusal goes to the system audit log under the operator's name. */
    private <T> T refusedOrAudited(String operator, SystemEvent event, UUID tenant, String what, Step<T> step,
                                   Function<T, String> done) {
        T result;
        try {
            result = step.run();
        } catch (Refused refused) {
            audit.failure(event, tenant, operator, what + ": " + refused.getMessage());
            throw refused;
        } catch (IllegalArgumentException wrong) {
            audit.failure(event, tenant, operator, what + ": " + wrong.getMessage());
            throw new Refused(wrong.getMessage());
        }
        audit.success(event, tenant != null ? tenant : idOf(result), operator, done.apply(result));
        return result;
    }

    private static UUID idOf(Object result) {
        return result instanceof Tenant tenant ? tenant.getId() : null;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}

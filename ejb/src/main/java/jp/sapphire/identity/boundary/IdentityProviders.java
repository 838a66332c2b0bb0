package jp.sapphire.identity.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.defence.control.OutboundUrls;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.control.MfaRule;
import jp.sapphire.identity.entity.IdentityProvider;
import jp.sapphire.identity.entity.RoleBinding;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.secrets.control.SecretCipher.Sealed;
import jp.sapphire.secrets.control.SecretCipher;
import jp.sapphire.tenant.control.TenantContext;
import jp.sapphire.tenant.entity.Tenant;

/** The current tenant's IdP settings (IdP設定); the client secret is sealed at rest. */
@Stateless
public class IdentityProviders {

    @Inject
    OutboundUrls outbound;

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    Caller signedIn;

    @Inject
    SecretCipher cipher;

    @EJB
    SystemAudit audit;

    @Inject
    Clock clock;

    public IdentityProvider configure(@NotNull @Valid IdentityProviderSettings settings) {
        UUID tenant = tenants.currentTenant().orElseThrow();
        outbound.refusal(java.net.URI.create(settings.issuer())).ifPresent(refusal -> {
            throw new InvalidInputException(InputProblem.of("issuer", refusal == OutboundUrls.Refusal.NOT_HTTPS
                    ? "sapphire.idp.issuer.https" : "sapphire.idp.issuer.public"));
        });
        Optional<IdentityProvider> before = current();
        IdentityProvider idp = before.orElseGet(() -> {
            IdentityProvider created = new IdentityProvider(settings.issuer(), settings.clientId(), clock.instant());
            em.persist(created);
            return created;
        });
        idp.setIssuer(settings.issuer());
        idp.setClientId(settings.clientId());
        Sealed secret = cipher.seal(settings.clientSecret().getBytes(StandardCharsets.UTF_8), context(tenant));
        idp.storeClientSecret(secret.keyId(), secret.bytes());
        idp.setScopes(settings.scopes());
        idp.setClaimNames(settings.groupsClaim(), settings.emailClaim(), settings.nameClaim());
        idp.setMfaRule(settings.mfaAmrValues(), settings.mfaAcrValue());
        idp.touch(clock.instant());
        if (before.isEmpty()) {
            // The first IdP: the user IDs bound before it (the privileged account's administrator) are its.
            em.createNamedQuery(RoleBinding.ALL, RoleBinding.class).getResultList()
                    .forEach(binding -> binding.adoptIssuer(settings.issuer()));
        }
        audit.success(SystemEvent.IDENTITY_PROVIDER_CHANGED, tenant, signedIn.actor(), "issuer " + settings.issuer());
        return idp;
    }

    public Optional<IdentityProvider> current() {
        return em.createQuery("SELECT i FROM IdentityProvider i", IdentityProvider.class).getResultStream().findFirst();
    }

    /** Everything a sign-in to the current tenant needs, or empty when it has no IdP yet. */
    public Optional<SignInSettings> forSignIn() {
        UUID tenantId = tenants.currentTenant().orElseThrow();
        Tenant tenant = em.find(Tenant.class, tenantId);
        return current().map(idp -> new SignInSettings(tenantId, tenant.getSlug(), tenant.getDisplayName(),
                idp.getIssuer(), idp.getClientId(),
                new String(cipher.open(new Sealed(idp.getClientSecretKeyId(), idp.getClientSecret()), context(tenantId)),
                        StandardCharsets.UTF_8),
                List.copyOf(idp.getScopes()), idp.getGroupsClaim(), idp.getEmailClaim(), idp.getNameClaim(),
                new MfaRule(idp.getMfaAmrValues(), idp.getMfaAcrValue())));
    }

    /** The secret is bound to its tenant: a sealed secret copied to another tenant does not open. */
    private static byte[] context(UUID tenant) {
        return ("identity_provider.client_secret:" + tenant).getBytes(StandardCharsets.UTF_8);
    }
}

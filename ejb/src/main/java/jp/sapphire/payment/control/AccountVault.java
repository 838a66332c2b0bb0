package jp.sapphire.payment.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.payment.entity.BankAccount;
import jp.sapphire.receipt.control.DataVault;
import jp.sapphire.tenant.control.TenantContext;

/** Members' bank accounts, sealed under the tenant's data key and opened for those who may see them whole. */
@Dependent
public class AccountVault {

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    DataVault vault;

    @Inject
    TenantContext tenants;

    @Inject
    Clock clock;

    public Optional<BankAccount> stored(UUID member) {
        return em.createNamedQuery(BankAccount.OF_MEMBERS, BankAccount.class).setParameter("members", List.of(member))
                .getResultStream().findFirst();
    }

    /** Which of these members have an account. */
    public Set<UUID> holders(Collection<UUID> members) {
        if (members.isEmpty()) {
            return Set.of();
        }
        return em.createNamedQuery(BankAccount.OF_MEMBERS, BankAccount.class).setParameter("members", members)
                .getResultStream().map(BankAccount::getMemberId).collect(Collectors.toSet());
    }

    /** The account of each of these members who has one, opened. */
    public Map<UUID, Account> opened(Collection<UUID> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(BankAccount.OF_MEMBERS, BankAccount.class).setParameter("members", members)
                .getResultStream().collect(Collectors.toMap(BankAccount::getMemberId, this::open));
    }

    public Account open(BankAccount stored) {
        return Account.unsealed(vault.unlock(tenant(), DataVault.Kind.BANK_ACCOUNT, stored.getId(), stored.getDataKeyId(),
                stored.getSealed()));
    }

    /** Stores a member's account (a new row, or sealed anew); returns the masked form it had before, or null. */
    public String store(UUID member, Account account, UUID by) {
        BankAccount stored = stored(member).orElse(null);
        String before = stored == null ? null : stored.getMasked();
        if (stored == null) {
            stored = new BankAccount(member);
        }
        DataVault.Locked locked = vault.lock(tenant(), DataVault.Kind.BANK_ACCOUNT, stored.getId(), account.sealable());
        stored.seal(locked.dataKeyId(), locked.content(), account.masked(), by, clock.instant());
        if (before == null) {
            em.persist(stored);
        }
        return before;
    }

    private UUID tenant() {
        return tenants.currentTenant().orElseThrow();
    }
}

package jp.sapphire.receipt.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import jp.sapphire.receipt.entity.TenantDataKey;
import jp.sapphire.secrets.control.Aes256Gcm;
import jp.sapphire.secrets.control.SecretCipher.Sealed;
import jp.sapphire.secrets.control.SecretCipher;

/**
 * Encrypts a tenant's sensitive content — receipts, members' bank accounts, payment files — under
 * the current tenant's data key, creating the key (sealed under the master key, bound to the
 * tenant) the first time the tenant stores anything. Content is bound to what it is and to the id
 * of its row: bytes moved to another receipt, or from a bank account to a receipt, do not open.
 */
@Dependent
public class DataVault {

    /** Content sealed, and the data key that sealed it. */
    public record Locked(UUID dataKeyId, byte[] content) {
    }

    /** What sealed content is, as bound into its sealing. */
    public enum Kind {
        RECEIPT("receipt"),
        BANK_ACCOUNT("bank_account"),
        PAYMENT_FILE("payment_file");

        private final String context;

        Kind(String context) {
            this.context = context;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    SecretCipher master;

    @Inject
    Clock clock;

    public Locked lock(UUID tenant, Kind kind, UUID id, byte[] content) {
        TenantDataKey key = em.createNamedQuery(TenantDataKey.NEWEST, TenantDataKey.class).setMaxResults(1)
                .getResultStream().findFirst().orElseGet(() -> newKey(tenant));
        return new Locked(key.getId(), cipher(tenant, key).seal(content, context(kind, id)));
    }

    public byte[] unlock(UUID tenant, Kind kind, UUID id, UUID dataKeyId, byte[] sealed) {
        TenantDataKey key = em.find(TenantDataKey.class, dataKeyId);
        try {
            return cipher(tenant, key).open(sealed, context(kind, id));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(kind + " " + id + " does not open with its data key", e);
        }
    }

    private TenantDataKey newKey(UUID tenant) {
        byte[] raw = new byte[Aes256Gcm.KEY_BYTES];
        RANDOM.nextBytes(raw);
        Sealed sealed = master.seal(raw, keyContext(tenant));
        TenantDataKey key = new TenantDataKey(sealed.keyId(), sealed.bytes(), clock.instant());
        em.persist(key);
        // Receipts refer to their key by id only: EclipseLink cannot order the inserts itself.
        em.flush();
        return key;
    }

    private Aes256Gcm cipher(UUID tenant, TenantDataKey key) {
        return new Aes256Gcm(master.open(new Sealed(key.getMasterKeyId(), key.getSealedKey()), keyContext(tenant)));
    }

    private static byte[] keyContext(UUID tenant) {
        return ("tenant_data_key:" + tenant).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] context(Kind kind, UUID id) {
        return (kind.context + ":" + id).getBytes(StandardCharsets.UTF_8);
    }
}

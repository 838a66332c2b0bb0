package jp.sapphire.secrets.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals small secrets (IdP client secrets, per-tenant data keys) under the service's master key,
 * named by a key id so keys can rotate: new secrets use the current key, older ones still open
 * with a retired key listed in configuration. Also authenticates data (HMAC-SHA-256) under keys
 * derived from the master key for one purpose each, so that what the database holds cannot be
 * rewritten without the key, which the database never sees.
 *
 * <p>Configuration: {@code sapphire.secrets.key-id}, {@code sapphire.secrets.key} (32 random
 * bytes, base64) and optionally {@code sapphire.secrets.retired-keys} as
 * {@code id=base64,id=base64}.
 */
@ApplicationScoped
public class SecretCipher {

    /** A sealed secret (or a MAC) and the id of the master key that made it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private static final String HMAC = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "sapphire.secrets.key-id")
    String currentKeyId;

    @Inject
    @ConfigProperty(name = "sapphire.secrets.key")
    String currentKey;

    @Inject
    @ConfigProperty(name = "sapphire.secrets.retired-keys")
    Optional<String> retiredKeys;

    private final Map<String, byte[]> rawKeys = new HashMap<>();
    private final Map<String, Aes256Gcm> keys = new HashMap<>();

    @PostConstruct
    void loadKeys() {
        rawKeys.putAll(KeyRing.parse(currentKeyId, currentKey, retiredKeys));
        rawKeys.forEach((id, key) -> keys.put(id, new Aes256Gcm(key)));
    }

    /** HMAC-SHA-256 of the data under the current master key's key for this purpose. */
    public Sealed mac(String purpose, byte[] data) {
        return new Sealed(currentKeyId, macWith(currentKeyId, purpose, data));
    }

    /** Whether the MAC is that of the data under the named master key's key for this purpose. */
    public boolean verifyMac(String purpose, Sealed mac, byte[] data) {
        return rawKeys.containsKey(mac.keyId()) && MessageDigest.isEqual(mac.bytes(), macWith(mac.keyId(), purpose, data));
    }

    private byte[] macWith(String keyId, String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance(HMAC);
            derive.init(new SecretKeySpec(rawKeys.get(keyId), HMAC));
            byte[] purposeKey = derive.doFinal(("sapphire/" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(purposeKey, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    public Sealed seal(byte[] plaintext, byte[] context) {
        return new Sealed(currentKeyId, keys.get(currentKeyId).seal(plaintext, context));
    }

    public byte[] open(Sealed sealed, byte[] context) {
        Aes256Gcm key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No key with id " + sealed.keyId() + " is configured");
        }
        try {
            return key.open(sealed.bytes(), context);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Sealed secret does not open with key " + sealed.keyId(), e);
        }
    }
}

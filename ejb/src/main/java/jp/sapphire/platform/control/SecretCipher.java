package jp.sapphire.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals small secrets (IdP client secrets, later per-tenant data keys) under the service's
 * master key, named by a key id so keys can rotate: new secrets use the current key, older ones
 * still open with a retired key listed in configuration.
 *
 * <p>Configuration: {@code sapphire.secrets.key-id}, {@code sapphire.secrets.key} (32 random
 * bytes, base64) and optionally {@code sapphire.secrets.retired-keys} as
 * {@code id=base64,id=base64}.
 */
@ApplicationScoped
public class SecretCipher {

    /** A sealed secret and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    @Inject
    @ConfigProperty(name = "sapphire.secrets.key-id")
    String currentKeyId;

    @Inject
    @ConfigProperty(name = "sapphire.secrets.key")
    String currentKey;

    @Inject
    @ConfigProperty(name = "sapphire.secrets.retired-keys")
    Optional<String> retiredKeys;

    private final Map<String, Aes256Gcm> keys = new HashMap<>();

    @PostConstruct
    void loadKeys() {
        keys.put(currentKeyId, new Aes256Gcm(Base64.getDecoder().decode(currentKey.strip())));
        retiredKeys.ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.strip().split("=", 2);
                keys.putIfAbsent(idAndKey[0], new Aes256Gcm(Base64.getDecoder().decode(idAndKey[1])));
            }
        });
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

package jp.sapphire.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class Aes256GcmTest {

    private static final byte[] TENANT_A = "tenant-a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TENANT_B = "tenant-b".getBytes(StandardCharsets.UTF_8);

    private final Aes256Gcm cipher = new Aes256Gcm(randomKey());

    @Test
    void opensWhatItSealed() throws AEADBadTagException {
        byte[] sealed = cipher.seal("client-secret".getBytes(StandardCharsets.UTF_8), TENANT_A);

        assertThat(new String(cipher.open(sealed, TENANT_A), StandardCharsets.UTF_8)).isEqualTo("client-secret");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("client-secret");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        byte[] secret = "same".getBytes(StandardCharsets.UTF_8);
        assertThat(cipher.seal(secret, TENANT_A)).isNotEqualTo(cipher.seal(secret, TENANT_A));
    }

    @Test
    void refusesAFlippedByteAnotherContextOrAnotherKey() {
        byte[] sealed = cipher.seal("secret".getBytes(StandardCharsets.UTF_8), TENANT_A);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(flipped, TENANT_A)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> cipher.open(sealed, TENANT_B)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> new Aes256Gcm(randomKey()).open(sealed, TENANT_A)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> cipher.open(new byte[5], TENANT_A)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void acceptsOnlyAes256Keys() {
        assertThatThrownBy(() -> new Aes256Gcm(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[Aes256Gcm.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}

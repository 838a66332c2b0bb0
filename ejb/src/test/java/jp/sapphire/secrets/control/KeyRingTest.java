package jp.sapphire.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final byte[] CURRENT = bytes(1);
    private static final byte[] OLD = bytes(2);
    private static final byte[] OLDER = bytes(3);

    @Test
    void theCurrentKeyAloneWithoutRetiredOnes() {
        Map<String, byte[]> keys = KeyRing.parse("k3", base64(CURRENT), Optional.empty());
        assertThat(keys).containsOnlyKeys("k3");
        assertThat(keys.get("k3")).isEqualTo(CURRENT);
        assertThat(KeyRing.parse("k3", base64(CURRENT), Optional.of("  "))).containsOnlyKeys("k3");
    }

    @Test
    void retiredKeysStayReadableByTheirIds() {
        Map<String, byte[]> keys = KeyRing.parse("k3", " " + base64(CURRENT) + "\n",
                Optional.of("k2=" + base64(OLD) + ", k1 = " + base64(OLDER)));
        assertThat(keys).containsOnlyKeys("k1", "k2", "k3");
        assertThat(keys.get("k2")).isEqualTo(OLD);
        assertThat(keys.get("k1")).isEqualTo(OLDER);
    }

    @Test
    void aRetiredKeyCannotReplaceTheCurrentOne() {
        Map<String, byte[]> keys = KeyRing.parse("k3", base64(CURRENT), Optional.of("k3=" + base64(OLD)));
        assertThat(keys.get("k3")).isEqualTo(CURRENT);
    }

    @Test
    void aMalformedEntryIsNamedByItsPositionWithoutShowingAKey() {
        assertThatThrownBy(() -> KeyRing.parse("k3", base64(CURRENT), Optional.of("k2=" + base64(OLD) + ",nokey")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retired key 2 is not id=base64");
        assertThatThrownBy(() -> KeyRing.parse("k3", base64(CURRENT), Optional.of("k2=not base64!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retired key 1 (k2) is not base64");
        assertThatThrownBy(() -> KeyRing.parse("k3", "%%%", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key k3 is not base64");
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}

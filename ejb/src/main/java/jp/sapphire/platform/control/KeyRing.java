package jp.sapphire.platform.control;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys as configuration gives them: a current key by its id, and retired keys that still open
 * what they made, as {@code id=base64,id=base64}. Every key is base64 of raw bytes.
 */
public final class KeyRing {

    private KeyRing() {
    }

    /** The keys by id, the current one included. */
    public static Map<String, byte[]> parse(String currentId, String currentKey, Optional<String> retired) {
        Map<String, byte[]> keys = new HashMap<>();
        keys.put(currentId, Base64.getDecoder().decode(currentKey.strip()));
        retired.filter(list -> !list.isBlank()).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] idAndKey = entry.strip().split("=", 2);
                keys.putIfAbsent(idAndKey[0], Base64.getDecoder().decode(idAndKey[1].strip()));
            }
        });
        return keys;
    }
}

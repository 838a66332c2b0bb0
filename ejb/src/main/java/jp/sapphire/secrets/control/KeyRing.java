package jp.sapphire.secrets.control;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys as configuration gives them: a current key by its id, and retired keys that still open
 * what they made, as {@code id=base64,id=base64}. Every key is base64 of raw bytes. A malformed
 * entry is named by its id or position, never by its content.
 */
public final class KeyRing {

    private KeyRing() {
    }

    /** The keys by id, the current one included. */
    public static Map<String, byte[]> parse(String currentId, String currentKey, Optional<String> retired) {
        Map<String, byte[]> keys = new HashMap<>();
        keys.put(currentId, decode(currentKey, "key " + currentId));
        retired.filter(list -> !list.isBlank()).ifPresent(list -> {
            String[] entries = list.split(",");
            for (int i = 0; i < entries.length; i++) {
                String[] idAndKey = entries[i].strip().split("=", 2);
                if (idAndKey.length != 2 || idAndKey[0].isBlank()) {
                    throw new IllegalArgumentException("retired key " + (i + 1) + " is not id=base64");
                }
                String id = idAndKey[0].strip();
                keys.putIfAbsent(id, decode(idAndKey[1], "retired key " + (i + 1) + " (" + id + ")"));
            }
        });
        return keys;
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
    }
}

package jp.sapphire.backup.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.sapphire.secrets.control.Aes256Gcm;

/**
 * The backup's keys by id: chunks are compressed, then sealed with AES-256-GCM bound to their
 * generation and name (a chunk copied to another place does not open); manifests are
 * authenticated with HMAC-SHA-256 under a key derived from the same key for that purpose alone.
 * New generations use the current key; older ones open with any key still listed.
 */
public final class BackupKeys {

    /** Refused: the chunk or manifest was changed, or was made with a key not at hand. */
    public static final class Unreadable extends Exception {

        public Unreadable(String message) {
            super(message);
        }
    }

    private final String currentId;
    private final Map<String, byte[]> keys;

    /** {@code keys} by id; the current one among them. */
    public BackupKeys(String currentId, Map<String, byte[]> keys) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("the current backup key " + currentId + " is not among the keys");
        }
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public String currentId() {
        return currentId;
    }

    public byte[] seal(long generation, String name, byte[] plain) {
        return new Aes256Gcm(keys.get(currentId)).seal(gzip(plain), context(generation, name));
    }

    public byte[] open(String keyId, long generation, String name, byte[] sealed) throws Unreadable {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new Unreadable("key " + keyId + " is not configured");
        }
        try {
            return gunzip(new Aes256Gcm(key).open(sealed, context(generation, name)));
        } catch (AEADBadTagException e) {
            throw new Unreadable("does not decrypt with key " + keyId + ": altered, or made with another key");
        }
    }

    /** The manifest's MAC as {@code keyId:hex}. */
    public String mac(byte[] manifest) {
        return currentId + ":" + HexFormat.of().formatHex(hmac(keys.get(currentId), manifest));
    }

    public void checkMac(byte[] manifest, String mac) throws Unreadable {
        String[] idAndHex = mac.strip().split(":", 2);
        byte[] key = idAndHex.length == 2 ? keys.get(idAndHex[0]) : null;
        if (key == null) {
            throw new Unreadable("the manifest's key " + idAndHex[0] + " is not configured");
        }
        byte[] expected = hmac(key, manifest);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(idAndHex[1]))) {
            throw new Unreadable("the manifest does not match its MAC: altered, or made with another key");
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] context(long generation, String name) {
        return ("sapphire-backup/g" + generation + "/" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] manifestKey = derive.doFinal("sapphire-backup-manifest".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(manifestKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream zip = new FastGzip(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** gzip at its fastest level: a few per cent larger than the default level, three times as fast. */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static byte[] gunzip(byte[] compressed) throws Unreadable {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return zip.readAllBytes();
        } catch (IOException e) {
            throw new Unreadable("does not decompress: " + e.getMessage());
        }
    }
}

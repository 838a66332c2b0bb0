package jp.sapphire.actionlog.control;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.actionlog.entity.ActionLogEntry.Event;

/**
 * The chain of a tenant's action log: what an entry's MAC covers, and the check of a whole chain.
 * An entry's MAC covers the tenant, its number, every field of its content and the previous
 * entry's hash, each length-prefixed so that no two different entries encode alike. The first
 * entry's previous hash is {@link #GENESIS}.
 */
public final class ActionChain {

    public static final String GENESIS = "0".repeat(64);
    public static final String PURPOSE = "action-log";

    /** Verifies a MAC made by {@link #content}: key id, content, hash as hex. */
    @FunctionalInterface
    public interface MacCheck {
        boolean matches(String keyId, byte[] content, byte[] mac);
    }

    /** The outcome of a check: how many entries, and the first that breaks the chain, if any. */
    public record Verification(long entries, Long brokenAt, String reason) {

        public boolean intact() {
            return brokenAt == null;
        }
    }

    private ActionChain() {
    }

    public static byte[] content(UUID tenant, long seq, Event event, String prevHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object field : List.of(tenant, seq, Objects.toString(event.reportId(), ""), nullable(event.lineId()),
                    event.action(), nullable(event.actorId()), nullable(event.onBehalfOfId()),
                    nullable(event.impersonator()), nullable(event.statusBefore()), nullable(event.statusAfter()),
                    nullable(event.stepBefore()), nullable(event.stepAfter()), nullable(event.comment()),
                    event.occurredAt(), prevHash)) {
                byte[] encoded = field.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A field that may be absent: absent encodes differently from any value, the empty text included. */
    private static Object nullable(Object value) {
        return value == null ? "\u0000null" : "=" + value;
    }

    /**
     * Checks entries in order of their numbers: they count 1, 2, 3, ... without a gap, each names
     * the previous entry's hash, and each hash is the MAC of its content.
     */
    public static Verification verify(UUID tenant, List<ActionLogEntry> entries, MacCheck macs) {
        Walk walk = new Walk(tenant, macs);
        entries.forEach(walk::next);
        return walk.result();
    }

    /**
     * The same check one entry at a time, so that a chain of any length is checked in pages
     * without holding it in memory: the first break found is kept, the rest only counted.
     */
    public static final class Walk {

        private final UUID tenant;
        private final MacCheck macs;
        private long expected = 1;
        private String previous = GENESIS;
        private long seen;
        private Long brokenAt;
        private String reason;

        public Walk(UUID tenant, MacCheck macs) {
            this.tenant = tenant;
            this.macs = macs;
        }

        public void next(ActionLogEntry entry) {
            seen++;
            if (brokenAt != null) {
                return;
            }
            if (entry.getSeq() != expected) {
                broken(expected, "missing");
            } else if (!entry.getPrevHash().equals(previous)) {
                broken(entry.getSeq(), "previous-hash");
            } else if (!macMatches(macs, entry, content(tenant, entry.getSeq(), entry.event(), entry.getPrevHash()))) {
                broken(entry.getSeq(), "altered");
            } else {
                previous = entry.getHash();
                expected++;
            }
        }

        private void broken(long at, String why) {
            brokenAt = at;
            reason = why;
        }

        public Verification result() {
            return new Verification(seen, brokenAt, reason);
        }
    }

    private static boolean macMatches(MacCheck macs, ActionLogEntry entry, byte[] content) {
        try {
            return macs.matches(entry.getKeyId(), content, HexFormat.of().parseHex(entry.getHash()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}

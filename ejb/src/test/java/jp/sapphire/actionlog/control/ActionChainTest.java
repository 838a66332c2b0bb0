package jp.sapphire.actionlog.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.sapphire.actionlog.control.ActionChain.MacCheck;
import jp.sapphire.actionlog.control.ActionChain.Verification;
import jp.sapphire.actionlog.entity.ActionLogEntry.Event;
import jp.sapphire.actionlog.entity.ActionLogEntry;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import org.junit.jupiter.api.Test;

/**
 * The chain over a tenant's entries: intact as written, and broken — at the right entry — by any
 * change of any field, a removed entry, entries out of order, an entry from another tenant or a
 * hash made with another key.
 */
class ActionChainTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes();

    private final UUID tenant = UUID.randomUUID();
    private final UUID report = UUID.randomUUID();
    private final UUID yamada = UUID.randomUUID();
    private final UUID sato = UUID.randomUUID();

    @Test
    void aChainAsWrittenIsIntact() {
        List<ActionLogEntry> chain = chain(KEY);

        Verification verification = ActionChain.verify(tenant, chain, macs(KEY));

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(4);
        assertThat(ActionChain.verify(tenant, List.of(), macs(KEY)).intact()).isTrue();
    }

    @Test
    void changingAnyFieldOfAnEntryBreaksTheChainAtThatEntry() throws ReflectiveOperationException {
        for (String field : List.of("occurredAt", "reportId", "lineId", "action", "actorId", "onBehalfOfId", "impersonator",
                "statusBefore", "statusAfter", "stepBefore", "stepAfter", "comment")) {
            List<ActionLogEntry> chain = chain(KEY);
            Object altered = switch (field) {
                case "occurredAt" -> Instant.parse("2026-11-26T01:00:00Z");
                case "reportId", "lineId", "actorId", "onBehalfOfId" -> UUID.randomUUID();
                case "action" -> ReportAction.REJECTED;
                case "statusBefore", "statusAfter" -> ReportStatus.PAID;
                case "stepBefore", "stepAfter" -> 7;
                default -> "改ざん";
            };
            set(chain.get(2), field, altered);

            Verification verification = ActionChain.verify(tenant, chain, macs(KEY));

            assertThat(verification.brokenAt()).as(field).isEqualTo(3L);
            assertThat(verification.reason()).as(field).isEqualTo("altered");
        }
    }

    @Test
    void aNullAndAnEmptyCommentAreDifferentContent() throws ReflectiveOperationException {
        List<ActionLogEntry> chain = chain(KEY);
        set(chain.get(0), "comment", "");

        assertThat(ActionChain.verify(tenant, chain, macs(KEY)).brokenAt()).isEqualTo(1L);
    }

    @Test
    void aRemovedEntryIsMissingFromTheNumbers() {
        List<ActionLogEntry> chain = new ArrayList<>(chain(KEY));
        chain.remove(1);

        Verification verification = ActionChain.verify(tenant, chain, macs(KEY));

        assertThat(verification.brokenAt()).isEqualTo(2L);
        assertThat(verification.reason()).isEqualTo("missing");
    }

    @Test
    void renumberingAfterARemovalBreaksThePreviousHash() throws ReflectiveOperationException {
        List<ActionLogEntry> chain = new ArrayList<>(chain(KEY));
        chain.remove(1);
        set(chain.get(1), "seq", 2L);
        set(chain.get(2), "seq", 3L);

        Verification verification = ActionChain.verify(tenant, chain, macs(KEY));

        assertThat(verification.brokenAt()).isEqualTo(2L);
        assertThat(verification.reason()).isEqualTo("previous-hash");
    }

    @Test
    void anotherTenantsEntriesOrAnotherKeysHashesDoNotVerify() throws ReflectiveOperationException {
        assertThat(ActionChain.verify(UUID.randomUUID(), chain(KEY), macs(KEY)).brokenAt()).isEqualTo(1L);
        assertThat(ActionChain.verify(tenant, chain(OTHER_KEY), macs(KEY)).brokenAt()).isEqualTo(1L);
        List<ActionLogEntry> notHex = chain(KEY);
        set(notHex.get(3), "hash", "not a hash");
        assertThat(ActionChain.verify(tenant, notHex, macs(KEY)).brokenAt()).isEqualTo(4L);
    }

    /** Created, submitted, approved on behalf of sato, a comment on a line: chained under {@code key}. */
    private List<ActionLogEntry> chain(byte[] key) {
        Instant start = Instant.parse("2026-11-26T00:00:00.123456Z");
        List<Event> events = List.of(
                new Event(report, null, ReportAction.CREATED, yamada, null, null, null, ReportStatus.DRAFT, null, null, null,
                        start),
                new Event(report, null, ReportAction.SUBMITTED, yamada, null, null, ReportStatus.DRAFT, ReportStatus.SUBMITTED,
                        null, 1, null, start.plusSeconds(60)),
                new Event(report, null, ReportAction.APPROVED, yamada, sato, "operator-1", ReportStatus.SUBMITTED,
                        ReportStatus.SUBMITTED, 1, 2, "確認しました", start.plusSeconds(120)),
                new Event(report, UUID.randomUUID(), ReportAction.COMMENTED, sato, null, null, ReportStatus.SUBMITTED,
                        ReportStatus.SUBMITTED, 2, 2, "領収書の日付を確認してください", start.plusSeconds(180)));
        List<ActionLogEntry> entries = new ArrayList<>();
        String previous = ActionChain.GENESIS;
        for (Event event : events) {
            long seq = entries.size() + 1;
            String hash = HexFormat.of().formatHex(hmac(key, ActionChain.content(tenant, seq, event, previous)));
            entries.add(new ActionLogEntry(seq, event, "k1", previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static MacCheck macs(byte[] key) {
        return (keyId, content, mac) -> keyId.equals("k1") && MessageDigest.isEqual(mac, hmac(key, content));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(ActionLogEntry entry, String field, Object value) throws ReflectiveOperationException {
        Field declared = ActionLogEntry.class.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(entry, value);
    }
}

package jp.sapphire.actionlog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.expense.entity.ReportAction;
import jp.sapphire.expense.entity.ReportStatus;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * One entry of the action log: who did what to which report (and line), on whose behalf, as whom
 * the provider's operator was acting, the state before and after, a comment, and when (UTC).
 * {@code seq} numbers the tenant's entries 1, 2, 3, ...; {@code hash} chains each to the one before.
 * Never changed once written.
 */
@Entity
@Table(name = "action_log")
@NamedQuery(name = ActionLogEntry.OF_REPORT,
        query = "SELECT a FROM ActionLogEntry a WHERE a.reportId = :report ORDER BY a.seq")
@NamedQuery(name = ActionLogEntry.LAST,
        query = "SELECT a FROM ActionLogEntry a ORDER BY a.seq DESC")
@NamedQuery(name = ActionLogEntry.BETWEEN,
        query = "SELECT a FROM ActionLogEntry a WHERE a.occurredAt >= :from AND a.occurredAt < :to AND a.seq > :after"
                + " ORDER BY a.seq")
@NamedQuery(name = ActionLogEntry.AFTER,
        query = "SELECT a FROM ActionLogEntry a WHERE a.seq > :after ORDER BY a.seq")
public class ActionLogEntry extends TenantOwned {

    public static final String OF_REPORT = "ActionLogEntry.ofReport";
    public static final String LAST = "ActionLogEntry.last";
    public static final String BETWEEN = "ActionLogEntry.between";
    /** The entries after a number, in order: the chain read page by page. */
    public static final String AFTER = "ActionLogEntry.after";

    /** What an entry says, before it is numbered and chained. */
    public record Event(UUID reportId, UUID lineId, ReportAction action, UUID actorId, UUID onBehalfOfId,
                        String impersonator, ReportStatus statusBefore, ReportStatus statusAfter, Integer stepBefore,
                        Integer stepAfter, String comment, Instant occurredAt) {
    }

    private long seq;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "report_id")
    private UUID reportId;

    @Column(name = "line_id")
    private UUID lineId;

    @Enumerated(EnumType.STRING)
    private ReportAction action;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(name = "on_behalf_of_id")
    private UUID onBehalfOfId;

    private String impersonator;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before")
    private ReportStatus statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after")
    private ReportStatus statusAfter;

    @Column(name = "step_before")
    private Integer stepBefore;

    @Column(name = "step_after")
    private Integer stepAfter;

    private String comment;

    @Column(name = "key_id")
    private String keyId;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected ActionLogEntry() {
    }

    public ActionLogEntry(long seq, Event event, String keyId, String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = event.occurredAt();
        this.reportId = event.reportId();
        this.lineId = event.lineId();
        this.action = event.action();
        this.actorId = event.actorId();
        this.onBehalfOfId = event.onBehalfOfId();
        this.impersonator = event.impersonator();
        this.statusBefore = event.statusBefore();
        this.statusAfter = event.statusAfter();
        this.stepBefore = event.stepBefore();
        this.stepAfter = event.stepAfter();
        this.comment = event.comment();
        this.keyId = keyId;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** The entry's content as it was recorded, for checking its hash. */
    public Event event() {
        return new Event(reportId, lineId, action, actorId, onBehalfOfId, impersonator, statusBefore, statusAfter,
                stepBefore, stepAfter, comment, occurredAt);
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getReportId() {
        return reportId;
    }

    public UUID getLineId() {
        return lineId;
    }

    public ReportAction getAction() {
        return action;
    }

    public UUID getActorId() {
        return actorId;
    }

    public UUID getOnBehalfOfId() {
        return onBehalfOfId;
    }

    public String getImpersonator() {
        return impersonator;
    }

    public ReportStatus getStatusBefore() {
        return statusBefore;
    }

    public ReportStatus getStatusAfter() {
        return statusAfter;
    }

    public Integer getStepBefore() {
        return stepBefore;
    }

    public Integer getStepAfter() {
        return stepAfter;
    }

    public String getComment() {
        return comment;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}

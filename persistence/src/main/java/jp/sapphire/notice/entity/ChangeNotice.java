package jp.sapphire.notice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Whitepaper §12: a change to SAPPHIRE announced to every customer — its kind, a technical
 * description, when it is scheduled — and then whether it was applied or cancelled. Provider-side.
 */
@Entity
@Table(name = "change_notice")
@NamedQuery(name = ChangeNotice.NEWEST_FIRST, query = "SELECT n FROM ChangeNotice n ORDER BY n.scheduledAt DESC, n.publishedAt DESC")
public class ChangeNotice {

    public static final String NEWEST_FIRST = "ChangeNotice.newestFirst";

    /** 変更種別: 不具合修正, 機能追加, その他. */
    public enum Kind {
        BUG_FIX,
        FEATURE,
        OTHER
    }

    /** 適用状況. */
    public enum Status {
        SCHEDULED,
        APPLIED,
        CANCELLED
    }

    @Id
    private UUID id = UUID.randomUUID();

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String title;

    private String description;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Enumerated(EnumType.STRING)
    private Status status = Status.SCHEDULED;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "status_at")
    private Instant statusAt;

    protected ChangeNotice() {
    }

    public ChangeNotice(Kind kind, String title, String description, Instant scheduledAt, Instant publishedAt,
                        String publishedBy) {
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.scheduledAt = scheduledAt;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.statusAt = publishedAt;
    }

    public void settle(Status outcome, Instant at) {
        this.status = outcome;
        this.statusAt = at;
    }

    public UUID getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public Instant getStatusAt() {
        return statusAt;
    }
}

package jp.sapphire.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * One notification for one member. It keeps the report's title and the actor's name as they were,
 * and is worded in the reader's language when shown.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.OF_MEMBER,
        query = "SELECT n FROM Notification n WHERE n.memberId = :member ORDER BY n.createdAt DESC, n.id")
@NamedQuery(name = Notification.UNREAD_COUNT,
        query = "SELECT COUNT(n) FROM Notification n WHERE n.memberId = :member AND n.readAt IS NULL")
public class Notification extends TenantOwned {

    public static final String OF_MEMBER = "Notification.ofMember";
    public static final String UNREAD_COUNT = "Notification.unreadCount";

    @Column(name = "member_id")
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    @Column(name = "report_id")
    private UUID reportId;

    @Column(name = "report_title")
    private String reportTitle;

    @Column(name = "actor_name")
    private String actorName;

    private String comment;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(UUID memberId, NotificationKind kind, UUID reportId, String reportTitle, String actorName,
                        String comment, Instant createdAt) {
        this.memberId = memberId;
        this.kind = kind;
        this.reportId = reportId;
        this.reportTitle = reportTitle;
        this.actorName = actorName;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public UUID getMemberId() {
        return memberId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public UUID getReportId() {
        return reportId;
    }

    public String getReportTitle() {
        return reportTitle;
    }

    public String getActorName() {
        return actorName;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }
}

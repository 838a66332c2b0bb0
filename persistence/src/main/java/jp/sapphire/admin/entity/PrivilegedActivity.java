package jp.sapphire.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * One change made with administrator rights: who (and, later, who was impersonating), when, what
 * was changed, and its value before and after, as people read them. Never changed once written.
 */
@Entity
@Table(name = "privileged_activity")
@NamedQuery(name = PrivilegedActivity.BETWEEN, query = "SELECT a FROM PrivilegedActivity a"
        + " WHERE a.occurredAt >= :from AND a.occurredAt < :to ORDER BY a.occurredAt DESC, a.id")
public class PrivilegedActivity extends TenantOwned {

    public static final String BETWEEN = "PrivilegedActivity.between";

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "impersonator_id")
    private UUID impersonatorId;

    private String action;

    private String target;

    @Column(name = "before_value")
    private String before;

    @Column(name = "after_value")
    private String after;

    protected PrivilegedActivity() {
    }

    public PrivilegedActivity(Instant occurredAt, UUID actorId, String actorName, String action, String target,
                              String before, String after) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.target = target;
        this.before = before;
        this.after = after;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public UUID getImpersonatorId() {
        return impersonatorId;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}

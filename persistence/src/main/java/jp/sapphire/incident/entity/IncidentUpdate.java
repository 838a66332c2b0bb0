package jp.sapphire.incident.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the affected customers were told about an incident, and when: the first notice, progress, the resolution. */
@Entity
@Table(name = "incident_update")
@NamedQuery(name = IncidentUpdate.OF_INCIDENT,
        query = "SELECT u FROM IncidentUpdate u WHERE u.incidentId = :incident ORDER BY u.postedAt")
public class IncidentUpdate {

    public static final String OF_INCIDENT = "IncidentUpdate.ofIncident";

    @Id
    private UUID id = UUID.randomUUID();

    @Column(name = "incident_id")
    private UUID incidentId;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "posted_by")
    private String postedBy;

    private String message;

    private boolean resolution;

    protected IncidentUpdate() {
    }

    public IncidentUpdate(UUID incidentId, Instant postedAt, String postedBy, String message, boolean resolution) {
        this.incidentId = incidentId;
        this.postedAt = postedAt;
        this.postedBy = postedBy;
        this.message = message;
        this.resolution = resolution;
    }

    public UUID getIncidentId() {
        return incidentId;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public String getMessage() {
        return message;
    }

    public boolean isResolution() {
        return resolution;
    }
}

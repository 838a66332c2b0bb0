package jp.sapphire.operations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A server sharing the database, as it last said it was alive, and whether it runs the batch jobs. Provider-side. */
@Entity
@Table(name = "server_heartbeat")
public class ServerHeartbeat {

    @Id
    private String server;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "seen_at")
    private Instant seenAt;

    private boolean batch;

    protected ServerHeartbeat() {
    }

    public ServerHeartbeat(String server, Instant startedAt, boolean batch) {
        this.server = server;
        this.startedAt = startedAt;
        this.seenAt = startedAt;
        this.batch = batch;
    }

    public void seen(Instant at, Instant startedAt, boolean batch) {
        this.seenAt = at;
        this.startedAt = startedAt;
        this.batch = batch;
    }

    public String getServer() {
        return server;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    public boolean isBatch() {
        return batch;
    }
}

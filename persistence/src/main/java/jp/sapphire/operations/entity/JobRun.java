package jp.sapphire.operations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The last run of a daily job (the backup, the deletions at contract end): where, when, how it ended. Provider-side. */
@Entity
@Table(name = "job_run")
public class JobRun {

    @Id
    private String job;

    private String server;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String outcome;

    private Boolean verified;

    private String detail;

    protected JobRun() {
    }

    public JobRun(String job) {
        this.job = job;
    }

    public void started(String server, Instant at) {
        this.server = server;
        this.startedAt = at;
        this.finishedAt = null;
        this.outcome = null;
        this.verified = null;
        this.detail = null;
    }

    public void finished(Instant at, boolean success, Boolean verified, String detail) {
        this.finishedAt = at;
        this.outcome = success ? "SUCCESS" : "FAILURE";
        this.verified = verified;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }

    public String getJob() {
        return job;
    }

    public String getServer() {
        return server;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public Boolean getVerified() {
        return verified;
    }

    public String getDetail() {
        return detail;
    }
}

package jp.sapphire.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import jp.sapphire.tenant.entity.TenantOwned;

/** A role granted to one IdP subject or to everyone in one IdP group (ロール割り当て). */
@Entity
@Table(name = "role_binding")
@NamedQuery(name = RoleBinding.ALL, query = "SELECT b FROM RoleBinding b ORDER BY b.role, b.kind, b.value")
public class RoleBinding extends TenantOwned {

    public static final String ALL = "RoleBinding.all";

    /** Whom a binding names. */
    public enum Kind {
        SUBJECT,
        GROUP
    }

    @NotNull
    @Enumerated(EnumType.STRING)
    private Role role;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Kind kind;

    @NotBlank
    @Size(max = 255)
    private String value;

    @Column(name = "created_at")
    private Instant createdAt;

    protected RoleBinding() {
    }

    public RoleBinding(Role role, Kind kind, String value, Instant createdAt) {
        this.role = role;
        this.kind = kind;
        this.value = value;
        this.createdAt = createdAt;
    }

    public Role getRole() {
        return role;
    }

    public Kind getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

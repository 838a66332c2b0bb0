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

/**
 * A role granted to one IdP subject or to everyone in one IdP group (ロール割り当て). A subject is
 * the user ID at one issuer: the binding keeps that issuer (null until the tenant connects its
 * first IdP), and a sign-in at another issuer with the same user ID is another person.
 */
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

    @Size(max = 512)
    private String issuer;

    @Column(name = "created_at")
    private Instant createdAt;

    protected RoleBinding() {
    }

    /** A binding; {@code issuer} is the IdP of a SUBJECT binding (null for a group, or before the tenant has an IdP). */
    public RoleBinding(Role role, Kind kind, String value, String issuer, Instant createdAt) {
        this.role = role;
        this.kind = kind;
        this.value = value;
        this.issuer = kind == Kind.SUBJECT ? issuer : null;
        this.createdAt = createdAt;
    }

    /** Whether a person who signed in at {@code signedInAt} as {@code subject}, in these groups, is the one this binding names. */
    public boolean names(String signedInAt, String subject, java.util.Collection<String> groups) {
        return switch (kind) {
            case SUBJECT -> value.equals(subject) && (issuer == null || issuer.equals(signedInAt));
            case GROUP -> groups.contains(value);
        };
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

    public String getIssuer() {
        return issuer;
    }

    /** The tenant connected its first IdP: a binding made before it names a user ID there. */
    public void adoptIssuer(String first) {
        if (kind == Kind.SUBJECT && issuer == null) {
            issuer = first;
        }
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package jp.sapphire.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.tenant.entity.TenantOwned;

/**
 * A member (利用者) of one tenant, created at first sign-in or registered ahead by an
 * administrator. Identified by the IdP's {@code (issuer, subject)}; a member registered ahead by
 * e-mail only has neither until their first sign-in with that address links them.
 */
@Entity
@Table(name = "member")
@NamedQuery(name = Member.BY_IDENTITY,
        query = "SELECT m FROM Member m WHERE m.issuer = :issuer AND m.subject = :subject")
public class Member extends TenantOwned {

    public static final String BY_IDENTITY = "Member.byIdentity";

    @Size(max = 512)
    private String issuer;

    @Size(max = 255)
    private String subject;

    @NotBlank
    @Size(max = 200)
    @Column(name = "display_name")
    private String displayName;

    @Email
    @Size(max = 320)
    private String email;

    @NotBlank
    @Column(name = "time_zone")
    private String timeZone = "Asia/Tokyo";

    @NotBlank
    private String locale = "ja";

    private boolean active = true;

    @Column(name = "department_id")
    private UUID departmentId;

    /** The roles of the last sign-in, comma-separated. */
    private String roles = "";

    @Column(name = "created_at")
    private Instant createdAt;

    /** The IdP groups of the last sign-in, newline-separated. */
    @Column(name = "idp_groups")
    private String idpGroups = "";

    @Version
    private long version;

    protected Member() {
    }

    public Member(String issuer, String subject, String displayName, String email, Instant createdAt) {
        this.issuer = issuer;
        this.subject = subject;
        this.displayName = displayName;
        this.email = email;
        this.createdAt = createdAt;
    }

    /** Links a member registered ahead by e-mail to the IdP identity that first signed in with it. */
    public void link(String issuer, String subject) {
        this.issuer = issuer;
        this.subject = subject;
    }

    /** Whether the member has ever signed in (a member registered ahead has not). */
    public boolean isSignedIn() {
        return !roles.isEmpty();
    }

    public Set<String> getIdpGroups() {
        return groupsOf(idpGroups);
    }

    /** The IdP groups as stored: one a line. */
    public static Set<String> groupsOf(String stored) {
        return stored == null || stored.isEmpty() ? Set.of() : Set.of(stored.split("\n"));
    }

    public void setIdpGroups(Collection<String> groups) {
        StringBuilder joined = new StringBuilder();
        groups.stream().distinct().sorted().filter(group -> !group.isEmpty() && !group.contains("\n")).forEach(group -> {
            if (joined.length() + group.length() + 1 <= 4000) {
                joined.append(joined.length() == 0 ? "" : "\n").append(group);
            }
        });
        this.idpGroups = joined.toString();
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    public void setTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public void setLocale(Locale locale) {
        this.locale = locale.toLanguageTag();
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public UUID getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(UUID departmentId) {
        this.departmentId = departmentId;
    }

    /**
     * The roles the member held at their last sign-in: who to tell about a step that any holder
     * of a role may act on. What a member may do is always decided by the roles of their session.
     */
    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}

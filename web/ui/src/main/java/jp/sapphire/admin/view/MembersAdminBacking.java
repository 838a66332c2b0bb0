package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;

/**
 * {@code /app/admin/members.xhtml[?q=]}: members by name, e-mail or IdP subject, the inactive ones too
 * on request; and a member registered ahead of their first sign-in.
 */
@Named("membersAdmin")
@ViewScoped
@ReadAgainAfterMove
public class MembersAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantAdministration administration;

    @EJB
    Masters masters;

    private String query;
    private String subject;
    private String email;
    private String displayName;
    private boolean withInactive = true;
    private transient List<Member> found;
    private final Map<UUID, String> departments = new HashMap<>();

    /** f:viewAction: the members the query {@code q} finds, and the names of the departments, once for the view. */
    public void load() {
        found = administration.members(query, withInactive);
        departments.clear();
        masters.departments().forEach(d -> departments.put(d.getId(), d.getCode() + " " + d.getName()));
    }

    public List<Member> getFound() {
        return found;
    }

    /** Registers a member ahead of their first sign-in and opens their page. */
    public String register() {
        try {
            Member member = administration.register(subject, email, displayName);
            FacesProblems.confirm("admin.members.registered", member.getDisplayName());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/app/admin/member?faces-redirect=true&id=" + member.getId();
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("subject", "register:subject", "email", "register:email",
                    "displayName", "register:displayName"));
            return null;
        }
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** Department code and name by id, for the list. */
    public Map<UUID, String> getDepartments() {
        return departments;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public boolean isWithInactive() {
        return withInactive;
    }

    public void setWithInactive(boolean withInactive) {
        this.withInactive = withInactive;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        found = administration.members(query, withInactive);
    }
}

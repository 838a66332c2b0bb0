package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.entity.Member;

/** {@code /app/admin/members.xhtml}: members by name, e-mail or IdP subject, the inactive ones too on request. */
@Named("membersAdmin")
@RequestScoped
public class MembersAdminBacking {

    @EJB
    TenantAdministration administration;

    private String query;
    private boolean withInactive = true;
    private List<Member> found;

    public List<Member> getFound() {
        if (found == null) {
            found = administration.members(query, withInactive);
        }
        return found;
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
}

package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import java.util.function.Supplier;
import jp.sapphire.admin.boundary.TenantAdministration;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.platform.control.NotFoundException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;

/** {@code /app/admin/member.xhtml?id=}: one member, deactivated or reactivated by a tenant administrator. */
@Named("memberAdmin")
@ViewScoped
public class MemberAdminBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient TenantAdministration administration;

    private UUID id;
    private transient Member member;

    public void load() {
        try {
            member = id == null ? null : administration.member(id);
        } catch (NotFoundException gone) {
            member = null;
        }
    }

    public void deactivate() {
        change(() -> administration.deactivate(id), "admin.member.deactivated");
    }

    public void reactivate() {
        change(() -> administration.reactivate(id), "admin.member.reactivated");
    }

    private void change(Supplier<Member> action, String done) {
        try {
            member = action.get();
            FacesProblems.confirm(done, member.getDisplayName());
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
            load();
        }
    }

    public Member getMember() {
        if (member == null && id != null) {
            load();
        }
        return member;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }
}

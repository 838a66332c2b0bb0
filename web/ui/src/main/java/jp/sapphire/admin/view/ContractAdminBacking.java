package jp.sapphire.admin.view;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import jp.sapphire.admin.boundary.ContractEnd;
import jp.sapphire.identity.view.CurrentMember;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.platform.view.FileDownload;
import jp.sapphire.platform.view.ReadAgainAfterMove;
import jp.sapphire.platform.view.Rereads;
import jp.sapphire.receipt.boundary.Records;
import jp.sapphire.tenant.entity.TenantDeletion;

/**
 * {@code /app/admin/contract.xhtml}: the end of the contract — the request to delete all of the
 * tenant's data (after signing in at the IdP again, confirmed by typing the tenant's id), and once
 * made, when it is due and the way to withdraw it.
 */
@Named("contractAdmin")
@ViewScoped
@ReadAgainAfterMove
public class ContractAdminBacking implements Serializable, Rereads {

    private static final long serialVersionUID = 1L;

    @EJB
    ContractEnd deletions;

    @Inject
    CurrentMember member;

    @EJB
    Records records;

    private String confirmation;
    private transient TenantDeletion request;

    /** The request made earlier, if any, read once for the view. */
    @PostConstruct
    void load() {
        request = deletions.ofMyTenant().orElse(null);
    }

    public void requestDeletion() {
        try {
            request = deletions.request(confirmation, member.getAuthenticatedAt());
            FacesProblems.confirm("admin.contract.requested");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("confirmation", "deletion:confirmation"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    /** Every record and every receipt version of the tenant as a ZIP, to keep before the deletion (電子帳簿保存法). */
    public void archive() throws IOException {
        FileDownload.send("sapphire-records-" + member.today() + ".zip", "application/zip", null, records::archive);
    }

    public void withdraw() {
        try {
            deletions.withdraw();
            request = null;
            FacesProblems.confirm("admin.contract.withdrawn");
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    /** Whether the member signed in at the IdP recently enough to request the deletion now. */
    public boolean isFresh() {
        return deletions.isFresh(member.getAuthenticatedAt());
    }

    /** Where to sign in again and come back here. */
    public String getReauthenticate() {
        return "/t/" + member.getTenantSlug() + "/stepup?return=/app/admin/contract.xhtml";
    }

    public TenantDeletion getRequest() {
        return request;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    /** The lists this view shows, read again after the session came from another server (docs/SCALING.md). */
    @Override
    public void reread() {
        load();
    }
}

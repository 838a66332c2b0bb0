package jp.sapphire.admin.view;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import jp.sapphire.admin.boundary.ContractEnd;
import jp.sapphire.platform.control.InvalidInputException;
import jp.sapphire.platform.control.Refusal;
import jp.sapphire.platform.view.FacesProblems;
import jp.sapphire.tenant.entity.TenantDeletion;

/**
 * {@code /app/admin/contract.xhtml}: the end of the contract — the request to delete all of the
 * tenant's data (confirmed by typing the tenant's id), and once made, when it is due.
 */
@Named("contractAdmin")
@RequestScoped
public class ContractAdminBacking {

    @EJB
    ContractEnd deletions;

    private String confirmation;
    private Optional<TenantDeletion> request;

    public void requestDeletion() {
        try {
            request = Optional.of(deletions.request(confirmation));
            FacesProblems.confirm("admin.contract.requested");
        } catch (InvalidInputException invalid) {
            FacesProblems.show(invalid, Map.of("confirmation", "deletion:confirmation"));
        } catch (Refusal refusal) {
            FacesProblems.show(refusal);
        }
    }

    public TenantDeletion getRequest() {
        if (request == null) {
            request = deletions.ofMyTenant();
        }
        return request.orElse(null);
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}

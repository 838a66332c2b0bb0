package jp.sapphire.payment.rest;

import static jp.sapphire.platform.rest.Requests.required;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.sapphire.payment.boundary.BankAccounts;
import jp.sapphire.payment.rest.PaymentJson.AccountRequest;
import jp.sapphire.payment.rest.PaymentJson.AccountView;
import jp.sapphire.platform.control.NotFoundException;

/** {@code /api/v1/me/bank-account}: the caller's own account for reimbursements (404 while there is none). */
@Path("v1/me/bank-account")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class BankAccountResource {

    @EJB
    BankAccounts accounts;

    @GET
    public AccountView mine() {
        return accounts.mine().map(AccountView::of).orElseThrow(() -> new NotFoundException("bank account"));
    }

    /** Sets the account; the holder's name is converted to bank kana (or refused, naming the character). */
    @PUT
    public AccountView save(AccountRequest request) {
        return AccountView.of(accounts.saveMine(required(request).input()));
    }
}

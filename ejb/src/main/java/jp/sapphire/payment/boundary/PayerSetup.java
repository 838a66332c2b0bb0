package jp.sapphire.payment.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.payment.control.Account;
import jp.sapphire.payment.entity.AccountType;
import jp.sapphire.payment.entity.PayerSettings;
import jp.sapphire.platform.control.InputProblem;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * The tenant as the payer (依頼人) of its transfers, set in the admin console: the requester code
 * (10 digits, given by the paying bank), the name in bank kana, the paying bank, branch and
 * account, and whether the bank wants line breaks in the file. Logged before and after.
 */
@Stateless
@AdminOnly
@DeclareRoles("TENANT_ADMIN")
public class PayerSetup {

    /** The payer as typed; names are converted to bank kana. */
    public record PayerInput(String requesterCode, String requesterName, String bankCode, String bankName, String branchCode,
                             String branchName, Integer accountType, String accountNumber, boolean lineBreaks) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    PrivilegedLog log;

    public Optional<PayerSettings> settings() {
        return current(em);
    }

    public PayerSettings save(PayerInput input) {
        List<InputProblem> problems = new ArrayList<>();
        String code = Account.digits("requesterCode", input.requesterCode(), 10, "sapphire.payer.requester-code", problems);
        String name = Account.kana("requesterName", input.requesterName(), 40, problems);
        String bank = Account.digits("bankCode", input.bankCode(), 4, "sapphire.bank.bank-code", problems);
        String bankName = optionalKana("bankName", input.bankName(), problems);
        String branch = Account.digits("branchCode", input.branchCode(), 3, "sapphire.bank.branch-code", problems);
        String branchName = optionalKana("branchName", input.branchName(), problems);
        AccountType type = input.accountType() == null ? null
                : AccountType.ofCode(input.accountType()).filter(AccountType::isPayer).orElse(null);
        if (type == null) {
            problems.add(InputProblem.of("accountType", "sapphire.payer.account-type"));
        }
        String number = Account.digits("accountNumber", input.accountNumber(), 7, "sapphire.bank.account-number", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PayerSettings settings = current(em).orElse(null);
        String before = settings == null ? null : describe(settings);
        if (settings == null) {
            settings = new PayerSettings();
            em.persist(settings);
        }
        settings.describe(code, name, bank, bankName, branch, branchName, type.code(), number, input.lineBreaks());
        log.record("PAYER_CHANGED", "payer settings", before, describe(settings));
        return settings;
    }

    static Optional<PayerSettings> current(EntityManager em) {
        return em.createQuery("SELECT p FROM PayerSettings p", PayerSettings.class).getResultStream().findFirst();
    }

    private static String describe(PayerSettings payer) {
        return "requester=" + payer.getRequesterCode() + " " + payer.getRequesterName() + " bank=" + payer.getBankCode()
                + " " + payer.getBankName() + " branch=" + payer.getBranchCode() + " " + payer.getBranchName() + " type="
                + payer.getAccountType() + " account=" + payer.getAccountNumber() + " lineBreaks=" + payer.isLineBreaks();
    }

    private static String optionalKana(String field, String typed, List<InputProblem> problems) {
        return typed == null || typed.isBlank() ? "" : Optional.ofNullable(Account.kana(field, typed, 15, problems)).orElse("");
    }
}

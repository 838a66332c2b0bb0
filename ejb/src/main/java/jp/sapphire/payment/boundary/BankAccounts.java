package jp.sapphire.payment.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.sapphire.admin.boundary.Masters.Imported;
import jp.sapphire.admin.boundary.Masters;
import jp.sapphire.admin.control.PrivilegedLog;
import jp.sapphire.identity.boundary.Members;
import jp.sapphire.identity.control.AdminOnly;
import jp.sapphire.identity.control.Caller;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.SapphirePrincipal;
import jp.sapphire.payment.control.Account;
import jp.sapphire.payment.control.AccountVault;
import jp.sapphire.payment.entity.BankAccount;
import jp.sapphire.platform.control.Csv;
import jp.sapphire.platform.control.CsvHeaders;
import jp.sapphire.platform.control.CsvImport.Row;
import jp.sapphire.platform.control.CsvImport;
import jp.sapphire.platform.control.InvalidInputException;

/**
 * Members' accounts for reimbursements (振込先口座): each member enters their own; the tenant's
 * administrators import them from CSV (all or nothing, every bad row named) and see them masked
 * only. Accounting sees them whole in a payment batch ({@link Payments}). Every change is written
 * to the privileged activity log with the masked account before and after. An administrator
 * impersonating a member cannot change the member's account: the money would follow.
 */
@Stateless
@DeclareRoles({"EMPLOYEE", "APPROVER", "ACCOUNTING", "TENANT_ADMIN"})
public class BankAccounts {

    public static final List<String> COLUMNS = List.of("member", "bankCode", "branchCode", "accountType", "accountNumber",
            "holderName");

    /** A bank account as its member types it. */
    public record AccountInput(String bankCode, String branchCode, Integer accountType, String accountNumber,
                               String holderName) {
    }

    /** A member and their account as an administrator sees it: masked, or null when the member has none. */
    public record MemberAccount(Member member, String masked, Instant updatedAt) {
    }

    @PersistenceContext(unitName = "sapphire")
    EntityManager em;

    @Inject
    AccountVault accounts;

    @EJB
    Members members;

    @Inject
    Caller caller;

    @Inject
    PrivilegedLog log;

    /** The caller's own account, whole. */
    public Optional<Account> mine() {
        return accounts.stored(caller.requireMember().memberId()).map(accounts::open);
    }

    /** Sets the caller's own account; the holder's name is converted to bank kana or refused with the character named. */
    public Account saveMine(AccountInput input) {
        SapphirePrincipal me = caller.requireMember();
        caller.refuseWhileImpersonated("sapphire.bank.impersonated");
        Account.Checked checked = Account.of(input.bankCode(), input.branchCode(), input.accountType(),
                input.accountNumber(), input.holderName());
        if (!checked.ok()) {
            throw new InvalidInputException(checked.problems());
        }
        String before = accounts.store(me.memberId(), checked.account(), me.memberId());
        log.record("BANK_ACCOUNT_CHANGED", "bank account of " + me.displayName(), before, checked.account().masked());
        return checked.account();
    }

    /** Every active member with their account masked, by name. */
    @AdminOnly
    public List<MemberAccount> masked() {
        Map<UUID, BankAccount> stored = em.createQuery("SELECT a FROM BankAccount a", BankAccount.class).getResultStream()
                .collect(Collectors.toMap(BankAccount::getMemberId, a -> a));
        return members.active().stream().map(member -> {
            BankAccount account = stored.get(member.getId());
            return new MemberAccount(member, account == null ? null : account.getMasked(),
                    account == null ? null : account.getUpdatedAt());
        }).toList();
    }

    /** The import's form: a row for every active member, named by IdP user ID or e-mail, the account left to fill in. */
    @AdminOnly
    public byte[] exportForm(Charset charset, Locale locale) {
        return Csv.document(charset, CsvHeaders.of("bank-account", locale), members.active().stream()
                .map(member -> List.of(Masters.memberKey(member), "", "", "", "", "")).toList());
    }

    /**
     * Sets members' accounts from a CSV file (member by IdP user ID or e-mail, bank, branch, type,
     * number, holder): all or nothing. Codes shortened by a spreadsheet (1 for 0001) are zero-filled.
     */
    @AdminOnly
    public Imported importAccounts(byte[] content, Charset charset) {
        CsvImport file = CsvImport.read(content, charset, COLUMNS, CsvHeaders.every("bank-account"));
        List<Member> active = members.active();
        Set<UUID> seen = new HashSet<>();
        Map<Row, Member> owners = new HashMap<>();
        Map<Row, Account> parsed = new HashMap<>();
        for (Row row : file.rows()) {
            Optional<Member> member = Masters.memberNamed(active, row.get(0));
            if (member.isEmpty()) {
                file.reject(row, "sapphire.csv.bank.member", "value", row.get(0));
            } else if (!seen.add(member.get().getId())) {
                file.reject(row, "sapphire.csv.bank.duplicate", "value", row.get(0));
            } else {
                owners.put(row, member.get());
            }
            Integer type = row.get(3).matches("[0-9]") ? Integer.valueOf(row.get(3)) : null;
            Account.Checked checked = Account.of(zeroFilled(row.get(1), 4), zeroFilled(row.get(2), 3), type,
                    zeroFilled(row.get(4), 7), row.get(5));
            checked.problems().forEach(problem -> file.reject(row, problem));
            if (checked.ok()) {
                parsed.put(row, checked.account());
            }
        }
        file.finish();
        int added = 0;
        int changed = 0;
        UUID by = caller.member().map(SapphirePrincipal::memberId).orElse(null);
        List<String> changes = new ArrayList<>();
        for (Row row : file.rows()) {
            Member owner = owners.get(row);
            String before = accounts.store(owner.getId(), parsed.get(row), by == null ? owner.getId() : by);
            if (before == null) {
                added++;
            } else {
                changed++;
            }
            changes.add(owner.getDisplayName() + ": " + before + " -> " + parsed.get(row).masked());
        }
        log.record("BANK_ACCOUNTS_IMPORTED", "bank accounts (CSV)", null,
                added + " added, " + changed + " changed; " + String.join("; ", changes));
        return new Imported(added, changed);
    }

    private static String zeroFilled(String digits, int width) {
        return digits.matches("[0-9]{1," + (width - 1) + "}") ? "0".repeat(width - digits.length()) + digits : digits;
    }
}

package jp.sapphire.payment.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.sapphire.expense.rest.ReportJson.ReportSummary;
import jp.sapphire.payment.boundary.BankAccounts.AccountInput;
import jp.sapphire.payment.boundary.Payments;
import jp.sapphire.payment.control.Account;

/** The JSON shapes of the payment API. Times are UTC (ISO 8601); dates yyyy-mm-dd; money in yen. */
public final class PaymentJson {

    private PaymentJson() {
    }

    /** A bank account: bank code (4 digits), branch code (3), type (1 普通, 2 当座, 4 貯蓄), number (7), holder in kana. */
    public record AccountView(String bankCode, String branchCode, int accountType, String accountNumber, String holderName) {

        public static AccountView of(Account account) {
            return account == null ? null : new AccountView(account.bankCode(), account.branchCode(), account.type().code(),
                    account.number(), account.holder());
        }
    }

    public record AccountRequest(String bankCode, String branchCode, Integer accountType, String accountNumber,
                                 String holderName) {

        public AccountInput input() {
            return new AccountInput(bankCode, branchCode, accountType, accountNumber, holderName);
        }
    }

    public record UnpaidView(ReportSummary report, Instant approvedAt, String applicant, String department,
                             boolean hasAccount) {

        public static UnpaidView of(Payments.Unpaid unpaid) {
            return new UnpaidView(ReportSummary.of(unpaid.report()), unpaid.report().getApprovedAt(), unpaid.applicant(),
                    unpaid.department(), unpaid.hasAccount());
        }
    }

    public record UnpaidPage(long count, List<UnpaidView> items) {
    }

    /** A batch to make: the transfer date (a bank day to come) and the reports. */
    public record BatchRequest(LocalDate transferDate, List<UUID> reportIds) {
    }

    /** Reports to add to a draft batch. */
    public record ReportsRequest(List<UUID> reportIds) {
    }

    public record PayeeView(UUID memberId, String name, AccountView account, long amountYen, List<ReportSummary> reports) {

        public static PayeeView of(Payments.Payee payee) {
            return new PayeeView(payee.memberId(), payee.name(), AccountView.of(payee.account()), payee.amountYen(),
                    payee.reports().stream().map(ReportSummary::of).toList());
        }
    }

    public record BatchView(UUID id, String status, LocalDate transferDate, Instant createdAt, Instant exportedAt,
                            Instant closedAt, int reportCount, long totalYen, String fileSha256, List<PayeeView> payees) {

        public static BatchView of(Payments.Batch batch) {
            var b = batch.batch();
            return new BatchView(b.getId(), b.getStatus().name(), b.getTransferDate(), b.getCreatedAt(), b.getExportedAt(),
                    b.getClosedAt(), batch.reportCount(), batch.totalYen(), b.getFileSha256(),
                    batch.payees().stream().map(PayeeView::of).toList());
        }
    }

    public record BatchSummaryView(UUID id, String status, LocalDate transferDate, Instant createdAt, int reportCount,
                                   long totalYen) {

        public static BatchSummaryView of(Payments.BatchSummary summary) {
            var b = summary.batch();
            return new BatchSummaryView(b.getId(), b.getStatus().name(), b.getTransferDate(), b.getCreatedAt(),
                    summary.reportCount(), summary.totalYen());
        }
    }
}

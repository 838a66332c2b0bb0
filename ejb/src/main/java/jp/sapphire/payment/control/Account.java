package jp.sapphire.payment.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.sapphire.payment.entity.AccountType;
import jp.sapphire.platform.control.InputProblem;

/**
 * A bank account as a transfer needs it: bank code (4 digits), branch code (3), type, account
 * number (7) and the holder's name in bank kana (受取人名). {@link #of} checks what a person typed
 * and converts the name; {@link #sealable}/{@link #unsealed} are the form kept sealed.
 */
public record Account(String bankCode, String branchCode, AccountType type, String number, String holder) {

    /** The longest holder name taken as typed (the file takes its first 30 bytes). */
    public static final int MAX_HOLDER = 60;

    /** A checked account, or the problems of the input, each naming its field. */
    public record Checked(Account account, List<InputProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks an account as typed, each problem naming its field (a CSV import files them under the
     * row). The holder's name is converted to bank kana or refused with the character named.
     */
    public static Checked of(String bankCode, String branchCode, Integer typeCode, String number, String holder) {
        List<InputProblem> problems = new ArrayList<>();
        String bank = digits("bankCode", bankCode, 4, "sapphire.bank.bank-code", problems);
        String branch = digits("branchCode", branchCode, 3, "sapphire.bank.branch-code", problems);
        AccountType type = typeCode == null ? null : AccountType.ofCode(typeCode).filter(AccountType::isPayee).orElse(null);
        if (type == null) {
            problems.add(InputProblem.of("accountType", "sapphire.bank.account-type"));
        }
        String account = digits("accountNumber", number, 7, "sapphire.bank.account-number", problems);
        String name = kana("holderName", holder, MAX_HOLDER, problems);
        return new Checked(problems.isEmpty() ? new Account(bank, branch, type, account, name) : null, List.copyOf(problems));
    }

    /** The typed digits, stripped; or, if they are not exactly {@code width} digits, the problem added. */
    public static String digits(String field, String typed, int width, String messageKey, List<InputProblem> problems) {
        String value = typed == null ? "" : typed.strip();
        if (!value.matches("[0-9]{" + width + "}")) {
            problems.add(InputProblem.of(field, messageKey));
        }
        return value;
    }

    /**
     * Converts a name to bank kana, or adds the problem: required, a character with no bank form
     * (named), or longer than {@code max} characters. Returns the converted name, or null.
     */
    public static String kana(String field, String typed, int max, List<InputProblem> problems) {
        BankKana.Converted converted = BankKana.convert(typed);
        if (!converted.ok()) {
            problems.add(InputProblem.of(field, "sapphire.bank.kana", "character", converted.refused()));
            return null;
        }
        if (converted.text().isEmpty()) {
            problems.add(InputProblem.of(field, "sapphire.bank.kana.required"));
            return null;
        }
        if (converted.text().length() > max) {
            problems.add(InputProblem.of(field, "sapphire.bank.kana.size", "max", max));
            return null;
        }
        return converted.text();
    }

    /** How it is shown to those who may not see it whole: bank and branch codes and the last three digits, 0001-123 ****567. */
    public String masked() {
        return bankCode + "-" + branchCode + " ****" + number.substring(4);
    }

    /** The account as it is sealed. */
    public byte[] sealable() {
        return String.join("|", "1", bankCode, branchCode, Integer.toString(type.code()), number, holder)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static Account unsealed(byte[] plain) {
        String[] parts = new String(plain, StandardCharsets.UTF_8).split("\\|", 6);
        if (parts.length != 6 || !"1".equals(parts[0])) {
            throw new IllegalStateException("A sealed bank account of an unknown form");
        }
        return new Account(parts[1], parts[2], AccountType.ofCode(Integer.parseInt(parts[3])).orElseThrow(), parts[4], parts[5]);
    }
}

package jp.sapphire.expense.control;

/**
 * 適格請求書発行事業者登録番号: "T" and 13 digits, the first of which is a check digit over the
 * other twelve, computed as for the 法人番号: 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit
 * counted from the right of the twelve and Qn is 1 for odd n, 2 for even n.
 */
public final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("T[0-9]{13}")) {
            return false;
        }
        return number.charAt(1) - '0' == checkDigit(number.substring(2));
    }

    /** The check digit for twelve base digits. */
    public static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = twelveDigits.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}

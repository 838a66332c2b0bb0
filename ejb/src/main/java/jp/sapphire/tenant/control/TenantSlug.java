package jp.sapphire.tenant.control;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's id as customers type it and see it in their sign-in address ({@code /t/acme/}): 2 to
 * 63 lower-case letters, digits and hyphens, starting with a letter or digit, not a word SAPPHIRE
 * uses for itself.
 */
public record TenantSlug(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Set<String> RESERVED = Set.of("app", "api", "admin", "health", "openapi", "sapphire", "www");

    public TenantSlug {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("A tenant id is 2 to 63 lower-case letters, digits and hyphens,"
                    + " starting with a letter or digit: " + value);
        }
        if (RESERVED.contains(value)) {
            throw new IllegalArgumentException("The tenant id " + value + " is reserved.");
        }
    }

    /** Whether the text has the form of a tenant id (a sign-in address names one). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

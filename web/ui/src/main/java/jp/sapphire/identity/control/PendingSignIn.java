package jp.sapphire.identity.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in that has been sent to the IdP and not yet come back: kept in the browser's session
 * under its {@code state}, used once. Binds the flow to the tenant that started it; a step-up
 * may name the page of SAPPHIRE to return to ({@code returnTo}, null for the home page).
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, UUID tenantId, String tenantSlug,
                            boolean stepUp, Instant startedAt, String returnTo) implements Serializable {

    /** The pages a step-up may return to: SAPPHIRE's own, by path only (never another site). */
    private static final java.util.regex.Pattern OWN_PAGE = java.util.regex.Pattern.compile("/app/[a-z0-9/-]+\\.xhtml");

    /** {@code path} if it is one of SAPPHIRE's pages, otherwise null. */
    public static String ownPage(String path) {
        return path != null && OWN_PAGE.matcher(path).matches() && !path.contains("//") ? path : null;
    }

    /** How long a browser may take at the IdP before the flow is void. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(startedAt.plus(LIFETIME));
    }
}

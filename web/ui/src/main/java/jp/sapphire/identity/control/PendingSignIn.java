package jp.sapphire.identity.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in that has been sent to the IdP and not yet come back: kept in the browser's session
 * under its {@code state}, used once. Binds the flow to the tenant that started it.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, UUID tenantId, String tenantSlug,
                            boolean stepUp, Instant startedAt) implements Serializable {

    /** How long a browser may take at the IdP before the flow is void. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public boolean isExpiredAt(Instant now) {
        return now.isAfter(startedAt.plus(LIFETIME));
    }
}

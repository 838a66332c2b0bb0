package jp.sapphire.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The IdP vouched for the person, but SAPPHIRE will not let them in (deactivated, no role).
 * Does not roll back: a member seen for the first time is still recorded, so that an
 * administrator can find them and grant a role.
 */
@ApplicationException(rollback = false)
public class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, as a code the sign-in error page explains. */
    public enum Reason {
        INACTIVE_MEMBER,
        NO_ROLE
    }

    private final Reason reason;

    public SignInRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package jp.sapphire.identity.control;

/**
 * A sign-in that cannot go on. The reason is shown to the person (as a code with an explanation);
 * the detail goes only to the system audit log.
 */
public class SignInFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a sign-in failed, as the error page explains it. */
    public enum Reason {
        UNKNOWN_TENANT,
        IDP_NOT_CONFIGURED,
        IDP_UNREACHABLE,
        STATE_MISMATCH,
        STATE_EXPIRED,
        IDP_ERROR,
        TOKEN_INVALID,
        INACTIVE_MEMBER,
        NO_ROLE
    }

    private final Reason reason;

    public SignInFailure(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SignInFailure(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

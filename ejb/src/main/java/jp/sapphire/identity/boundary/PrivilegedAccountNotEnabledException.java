package jp.sapphire.identity.boundary;

import jakarta.ejb.ApplicationException;

/** TENANT_ADMIN was to be bound, but the provider has not enabled the privileged account. */
@ApplicationException(rollback = true)
public class PrivilegedAccountNotEnabledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrivilegedAccountNotEnabledException() {
        super("sapphire.role.privileged-not-enabled");
    }
}

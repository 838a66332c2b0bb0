package jp.sapphire.platform.control;

import jakarta.ejb.ApplicationException;

/**
 * Nothing the caller may see has this id: whether it does not exist, belongs to another tenant,
 * or is someone else's that the caller has no right to, the answer is the same, so ids reveal
 * nothing.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String what) {
        super(what + " not found");
    }
}

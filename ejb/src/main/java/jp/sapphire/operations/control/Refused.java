package jp.sapphire.operations.control;

import jakarta.ejb.ApplicationException;

/**
 * An operator's request that SAPPHIRE will not carry out, and why, in words for the operator (a
 * tenant id that does not exist, a time that has passed, a notice already settled). An application
 * exception: the transaction rolls back, and the container neither wraps it nor reports it as an
 * error of the server.
 */
@ApplicationException(rollback = true)
public class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refused(String message) {
        super(message);
    }
}

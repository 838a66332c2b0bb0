package jp.sapphire.platform.view;

/**
 * A view-scoped bean that shows what it read from the database in transient fields — entities and
 * lists that do not belong in the HTTP session. When the session comes from another web server
 * (docs/SCALING.md), those fields arrive empty; {@link ReadAgain} calls {@link #reread} once, before
 * the first call that reaches the bean on this server. Annotate the bean {@link ReadAgainAfterMove}.
 */
public interface Rereads {

    /** Reads the transient fields again, leaving what the member typed (the other fields) as it is. */
    void reread();
}

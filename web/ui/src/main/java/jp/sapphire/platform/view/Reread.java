package jp.sapphire.platform.view;

import java.io.Serializable;

/**
 * What a view-scoped bean shows but does not keep in the HTTP session (transient fields: entities
 * and lists it read from the database) is read again once when the session has come from another
 * web server, where those fields arrive empty (docs/SCALING.md). The bean marks its first reading
 * {@link #done()}; each getter of such a field asks {@link #once} first.
 */
public final class Reread implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient boolean done;

    /** Runs {@code read} unless this copy of the bean has read its fields already. */
    public void once(Runnable read) {
        if (!done) {
            done = true;
            read.run();
        }
    }

    public void done() {
        done = true;
    }
}

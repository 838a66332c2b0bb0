package jp.sapphire.platform.view;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Reads a {@link Rereads} bean's transient fields again once after the bean moved to another web
 * server with the HTTP session (docs/SCALING.md). An interceptor instance lives as long as its bean
 * and is serialized with it; its own flag is transient, so it is set on the server that created the
 * bean and unset on the server that read the session back — where the first call that reaches the
 * bean (a getter while rendering, a setter while applying a postback, an action) reads first.
 */
@ReadAgainAfterMove
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ReadAgain implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient boolean here;

    @PostConstruct
    void created(InvocationContext creation) throws Exception {
        creation.proceed();
        here = true;
    }

    @AroundInvoke
    Object readFirst(InvocationContext call) throws Exception {
        if (!here) {
            here = true;
            if (call.getTarget() instanceof Rereads bean) {
                bean.reread();
            }
        }
        return call.proceed();
    }
}

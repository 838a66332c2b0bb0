package jp.sapphire.it.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;

/**
 * Test deployment only: puts {@link TestClock} in place of the product's clock in every module.
 * It lives in a library of the test EAR (so the EJB module sees it too), and its priority selects
 * it for the whole application.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class TestClockProducer {

    @Produces
    Clock clock() {
        return TestClock.INSTANCE;
    }
}

package jp.sapphire.backup.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import jp.sapphire.audit.boundary.SystemAudit;
import jp.sapphire.audit.entity.SystemEvent;
import jp.sapphire.operations.control.Refused;

/**
 * Operators' backup work runs one operation at a time on a server, and each one — done, refused or
 * failed — is written to the system audit log under the operator who asked. A refusal reaches the
 * operator as its message; a failure as its message, with the cause in the server log.
 */
@ApplicationScoped
public class OneOperationAtATime {

    private static final System.Logger LOG = System.getLogger(OneOperationAtATime.class.getName());

    /** The work of one operation. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    @EJB
    SystemAudit audit;

    private final ReentrantLock running = new ReentrantLock();

    public <T> T run(String operator, SystemEvent event, UUID tenant, Work<T> work, Function<T, String> done) {
        if (!running.tryLock()) {
            audit.failure(event, tenant, operator, "another backup operation is running");
            throw new Refused("Another backup operation is running; try again when it has finished.");
        }
        try {
            T result = work.run();
            audit.success(event, tenant, operator, done.apply(result));
            return result;
        } catch (Generations.Damaged damaged) {
            audit.failure(event, tenant, operator, truncate(damaged.getMessage()));
            throw new Refused(damaged.getMessage());
        } catch (Refused | IllegalStateException | IllegalArgumentException refused) {
            audit.failure(event, tenant, operator, truncate(refused.getMessage()));
            LOG.log(System.Logger.Level.WARNING, "Backup operation " + event + " refused: " + refused.getMessage());
            throw refused instanceof Refused known ? known : new Refused(refused.getMessage());
        } catch (Exception e) {
            audit.failure(event, tenant, operator, truncate(e.toString()));
            LOG.log(System.Logger.Level.ERROR, "Backup operation " + event + " failed", e);
            throw new Refused(e.getMessage());
        } finally {
            running.unlock();
        }
    }

    public static String truncate(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}

package jp.sapphire.operator.guard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.spi.LoginModule;
import javax.sql.DataSource;

/**
 * First in Liberty's inbound web login (server-config includes/operators.xml): for a login with a
 * user name and password — on this server only the operators have those — it refuses an account
 * locked by repeated failures, holds the answer to each failure a little longer, and writes every
 * failure and every refusal to SAPPHIRE's system audit log (event OPERATOR_SIGN_IN) under the name
 * tried. Any other login (the customers' OpenID Connect sessions, API tokens) it leaves alone.
 */
public final class LoginGuard implements LoginModule {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());
    private static final FailedLogins FAILED = new FailedLogins(System::nanoTime);
    private static final String AUDIT = "INSERT INTO system_audit_log (occurred_at, event, outcome, actor, detail)"
            + " VALUES (now(), 'OPERATOR_SIGN_IN', ?, ?, ?)";

    private CallbackHandler callbacks;
    private String user;
    /** This login was refused here as locked: not one more failure of the password. */
    private boolean refusedLocked;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.callbacks = callbackHandler;
    }

    @Override
    public boolean login() throws FailedLoginException {
        user = passwordLoginName();
        if (user == null) {
            return false;
        }
        if (FAILED.isLocked(user)) {
            refusedLocked = true;
            audit("FAILURE", "refused: locked after " + FailedLogins.LIMIT + " failed logins within "
                    + FailedLogins.WINDOW.toMinutes() + " minutes");
            throw new FailedLoginException("operator account locked for a while");
        }
        return false;
    }

    @Override
    public boolean commit() {
        if (user != null) {
            FAILED.succeeded(user);
        }
        return false;
    }

    @Override
    public boolean abort() {
        if (user != null && !refusedLocked) {
            int failures = FAILED.failed(user);
            audit("FAILURE", "wrong user name or password (" + failures + " within " + FailedLogins.WINDOW.toMinutes()
                    + " minutes)");
            try {
                Thread.sleep(FailedLogins.delay(failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    /** The user name of a login by name and password, or null for any other kind of login. */
    private String passwordLoginName() {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (Exception notAPasswordLogin) {
            return null;
        }
        boolean withPassword = password.getPassword() != null && password.getPassword().length > 0;
        password.clearPassword();
        return withPassword && name.getName() != null && !name.getName().isBlank() ? name.getName() : null;
    }

    private void audit(String outcome, String detail) {
        try {
            DataSource audit = (DataSource) new InitialContext().lookup("jdbc/sapphireSystem");
            try (Connection connection = audit.getConnection(); PreparedStatement insert = connection.prepareStatement(AUDIT)) {
                insert.setString(1, outcome);
                insert.setString(2, "operator:" + (user.length() > 100 ? user.substring(0, 100) : user));
                insert.setString(3, detail);
                insert.executeUpdate();
            }
        } catch (NamingException | SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Operator login of " + user + " not audited: " + detail, e);
        }
    }
}

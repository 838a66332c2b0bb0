package jp.sapphire.operator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sapphire-admin}: the operators' command line. Each command calls a console of the server
 * (JMX operations on the management endpoint) as the operator named, and prints the answer in
 * words for people or, with {@code --json}, as JSON for scripts. Exit codes: 0 done, 1 refused by
 * the server (the reason is printed), 2 wrong use of the command, 3 the server could not be asked
 * (unreachable, wrong password, locked account, a failure on its side).
 *
 * <p>Passwords and secrets are never taken from the command line: the operator's password and the
 * trust store's come from files (or {@code SAPPHIRE_ADMIN_PASSWORD}), an IdP's client secret from
 * {@code --client-secret-file}.
 */
@Command(name = "sapphire-admin", mixinStandardHelpOptions = true, version = "sapphire-admin 0.1",
        description = "Operate SAPPHIRE: tenants, their IdP and privileged account, backups, notices, incidents, deletions, "
                + "status and alerts.",
        subcommands = {TenantCommand.class, IdpCommand.class, PrivilegedCommand.class, BackupCommand.class,
                MaintenanceCommand.class, NoticeCommand.class, IncidentCommand.class, DeletionCommand.class, StatusCommand.class,
                AlertCommand.class, PointInTimeCommand.class})
public final class SapphireAdmin {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "${env:SAPPHIRE_ADMIN_URL:-https://localhost:9643}",
            description = "The server's management endpoint (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--user", defaultValue = "${env:SAPPHIRE_ADMIN_USER:-operator}", description = "Your operator account.")
    String user;

    @Option(names = "--password-file", defaultValue = "${env:SAPPHIRE_ADMIN_PASSWORD_FILE}",
            description = "A file holding your password (or set SAPPHIRE_ADMIN_PASSWORD).")
    Path passwordFile;

    @Option(names = "--trust-store", defaultValue = "${env:SAPPHIRE_ADMIN_TRUST_STORE}",
            description = "A PKCS#12 file with the server's certificate.")
    Path trustStore;

    @Option(names = "--trust-store-password-file", defaultValue = "${env:SAPPHIRE_ADMIN_TRUST_STORE_PASSWORD_FILE}",
            description = "A file holding the trust store's password.")
    Path trustStorePasswordFile;

    @Option(names = "--no-hostname-check", description = "Accept a certificate not issued to the URL's host name.")
    boolean noHostnameCheck;

    @Option(names = "--json", description = "Answer in JSON, for scripts.")
    boolean json;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs one command, writing its answer and problems to these; answers the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine command = new CommandLine(new SapphireAdmin());
        command.setOut(out);
        command.setErr(err);
        command.setExitCodeExceptionMapper(exception -> FAILED);
        command.setParameterExceptionHandler((exception, arguments) -> {
            err.println(exception.getMessage());
            exception.getCommandLine().usage(err);
            return USAGE;
        });
        command.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof Console.Refusal refused) {
                err.println("refused: " + refused.getMessage());
                return REFUSED;
            }
            if (exception instanceof CommandLine.ParameterException wrong) {
                err.println(wrong.getMessage());
                return USAGE;
            }
            err.println("failed: " + describe(exception));
            return FAILED;
        });
        return command.execute(args);
    }

    private static String describe(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Calls one console operation as this operator and prints its answer. */
    int call(String console, String operation, Object... arguments) throws Exception {
        Object answer;
        try (Console server = Console.connect(connection())) {
            answer = server.call(console, operation, arguments);
        }
        Output.print(spec.commandLine().getOut(), answer, json);
        return DONE;
    }

    private Console.Connection connection() throws IOException, GeneralSecurityException {
        String password = System.getenv("SAPPHIRE_ADMIN_PASSWORD");
        if (password == null) {
            if (passwordFile == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Give your password in a file (--password-file) or in SAPPHIRE_ADMIN_PASSWORD.");
            }
            password = read(passwordFile);
        }
        if (trustStore == null || trustStorePasswordFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Name the trust store with the server's certificate (--trust-store, --trust-store-password-file).");
        }
        int port = url.getPort() < 0 ? 443 : url.getPort();
        return new Console.Connection(url.getHost(), port, user, password, trustStore, read(trustStorePasswordFile),
                !noHostnameCheck);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** A command made of subcommands (tenant, backup, ...); alone it shows its usage. */
    abstract static class Group implements Callable<Integer> {

        @CommandLine.ParentCommand
        Object parent;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return USAGE;
        }
    }
}

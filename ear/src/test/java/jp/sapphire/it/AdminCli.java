package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operators' CLI as an operator runs it: the build's {@code server-config/target/sapphire-admin}
 * started as a process against the test server (its generated operator account, the first one:
 * alice), with what it printed and its exit code.
 */
public final class AdminCli {

    /** What one command printed, and how it ended (0 done, 1 refused, 2 wrong use, 3 failed). */
    public record Answer(int exit, String out, String err) {

        /** The answer of a {@code --json} command. */
        public Map<String, Object> json() {
            assertThat(exit).as(err).isZero();
            try {
                return JSONObjectUtils.parse(out);
            } catch (ParseException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }

        /** Done; answers what it printed. */
        public String done() {
            assertThat(exit).as("exit code; stderr: " + err + "; stdout: " + out).isZero();
            return out;
        }

        /** Refused by the server (exit 1); answers the reason it printed. */
        public String refused() {
            assertThat(exit).as("exit code; stdout: " + out + "; stderr: " + err).isEqualTo(1);
            assertThat(err).startsWith("refused: ");
            return err;
        }
    }

    private AdminCli() {
    }

    private static Path script() {
        return Path.of(System.getProperty("arquillian.wlp.home")).getParent().getParent().resolve("sapphire-admin");
    }

    /** Runs {@code sapphire-admin} with these arguments and waits for it. */
    public static Answer run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SAPPHIRE_ADMIN_LOCAL_SERVER", "sapphire-it");
        try {
            Path out = Files.createTempFile("sapphire-admin", ".out");
            Path err = Files.createTempFile("sapphire-admin", ".err");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("sapphire-admin " + String.join(" ", arguments) + " did not end");
                }
                return new Answer(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

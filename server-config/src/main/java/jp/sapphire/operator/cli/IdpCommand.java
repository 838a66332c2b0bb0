package jp.sapphire.operator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code idp set}: connects a tenant to its IdP (checked against the issuer's discovery document and keys first). */
@Command(name = "idp", description = "Connect a tenant to its identity provider.")
final class IdpCommand extends SapphireAdmin.Group {

    @Command(description = "Set the tenant's IdP; the secret is read from a file and never printed back.")
    int set(@Parameters(paramLabel = "SLUG") String slug,
            @Option(names = "--issuer", required = true) String issuer,
            @Option(names = "--client-id", required = true) String clientId,
            @Option(names = "--client-secret-file", required = true, description = "A file holding the client secret.")
            Path clientSecretFile,
            @Option(names = "--name-claim", defaultValue = "") String nameClaim,
            @Option(names = "--email-claim", defaultValue = "") String emailClaim,
            @Option(names = "--groups-claim", defaultValue = "") String groupsClaim,
            @Option(names = "--mfa-amr", defaultValue = "", description = "amr values of which one must be present, comma-separated")
            String mfaAmr,
            @Option(names = "--mfa-acr", defaultValue = "", description = "the acr value that must be present") String mfaAcr)
            throws Exception {
        return ((SapphireAdmin) parent).call("Tenants", "setIdentityProvider", slug, issuer, clientId,
                secret(clientSecretFile), nameClaim, emailClaim, groupsClaim, mfaAmr, mfaAcr);
    }

    /** The client secret in the file, refused (before the server is asked) if the file is missing or empty. */
    private static String secret(Path file) throws Console.Refusal, IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Console.Refusal("--client-secret-file: " + file + " is not a readable file");
        }
        String secret = SapphireAdmin.read(file);
        if (secret.isEmpty()) {
            throw new Console.Refusal("--client-secret-file: " + file + " is empty; it must hold the client secret");
        }
        return secret;
    }
}

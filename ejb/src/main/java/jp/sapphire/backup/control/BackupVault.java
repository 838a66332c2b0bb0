package jp.sapphire.backup.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import jp.sapphire.secrets.control.KeyRing;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the generations are kept and the keys that seal them, as configuration names them
 * ({@code sapphire.backup.directory}, {@code .key-id}, {@code .key}, {@code .retired-keys},
 * {@code .location}); read in this one place for backups and restores.
 */
@ApplicationScoped
public class BackupVault {

    @Inject
    @ConfigProperty(name = "sapphire.backup.directory")
    String directory;

    @Inject
    @ConfigProperty(name = "sapphire.backup.location")
    String location;

    @Inject
    @ConfigProperty(name = "sapphire.backup.key-id")
    String keyId;

    @Inject
    @ConfigProperty(name = "sapphire.backup.key")
    String key;

    @Inject
    @ConfigProperty(name = "sapphire.backup.retired-keys")
    Optional<String> retiredKeys;

    private BackupKeys keys;

    @PostConstruct
    void open() {
        keys = new BackupKeys(keyId, KeyRing.parse(keyId, key, retiredKeys));
    }

    public BackupStore store() {
        return new FileBackupStore(Path.of(directory));
    }

    public Generations generations() {
        return new Generations(store(), keys);
    }

    public BackupKeys keys() {
        return keys;
    }

    /** The location label every manifest records (asia, us). */
    public String location() {
        return location;
    }
}

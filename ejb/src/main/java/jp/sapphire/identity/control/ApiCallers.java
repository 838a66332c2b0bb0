package jp.sapphire.identity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import jp.sapphire.identity.entity.Member;
import jp.sapphire.identity.entity.Role;
import jp.sapphire.identity.entity.RoleBinding;

/**
 * Everything the API's token check needs about a token — the token row, its member, the tenant's
 * status and the tenant's role bindings — in one round trip to the database (the function
 * {@code api_caller}, V32), with the tenant bound to the transaction inside it.
 */
@ApplicationScoped
public class ApiCallers {

    /** A token as the database holds it now, with its member's and tenant's standing and the tenant's bindings. */
    public record ApiCaller(Instant tokenCreated, Instant tokenExpires, Instant tokenRevoked, UUID memberId, boolean memberActive,
                            String issuer, String subject, Set<String> groups, ZoneId zone, String tenantStatus,
                            boolean privilegedAccountsEnabled, List<RoleBinding> bindings) {
    }

    @Resource(lookup = "jdbc/sapphire")
    DataSource database;

    /** The token of this id in this tenant, if there is one. Call within a transaction. */
    public Optional<ApiCaller> find(UUID token, UUID tenant) {
        try (Connection connection = database.getConnection();
             PreparedStatement call = connection.prepareStatement("SELECT * FROM api_caller(?, ?)")) {
            call.setObject(1, token);
            call.setObject(2, tenant);
            try (ResultSet row = call.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ApiCaller(instant(row, "token_created"), instant(row, "token_expires"),
                        instant(row, "token_revoked"), row.getObject("member_id", UUID.class), row.getBoolean("member_active"),
                        row.getString("issuer"), row.getString("subject"), Member.groupsOf(row.getString("idp_groups")),
                        ZoneId.of(row.getString("time_zone")), row.getString("tenant_status"), row.getBoolean("privileged"),
                        bindings(row.getArray("bindings"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the API caller", e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The bindings as the function lists them: role, kind, value and issuer, separated by tabs. */
    private static List<RoleBinding> bindings(Array array) throws SQLException {
        List<RoleBinding> bindings = new ArrayList<>();
        for (Object text : (Object[]) array.getArray()) {
            String[] parts = ((String) text).split("\t", -1);
            bindings.add(new RoleBinding(Role.valueOf(parts[0]), RoleBinding.Kind.valueOf(parts[1]), parts[2],
                    parts[3].isEmpty() ? null : parts[3], null));
        }
        return bindings;
    }
}

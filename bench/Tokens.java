import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Signs API tokens for the load benchmark's members with the bench server's own signing key, as
 * the token page would (issuer, audience, subject, groups, tenant claims, jti of the token row):
 *
 *   java bench/Tokens.java KEY.pem ISSUER EXPIRES_EPOCH < "jti TAB member TAB name TAB roles,… TAB tenant TAB slug" lines
 *
 * Prints "member TAB token" lines. Only for a benchmark's own server and database.
 */
public class Tokens {

    public static void main(String[] args) throws Exception {
        String pem = Files.readString(Path.of(args[0])).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String issuer = args[1];
        long expires = Long.parseLong(args[2]);
        long now = System.currentTimeMillis() / 1000;
        String header = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] f = line.split("\t");
            String groups = Arrays.stream(f[3].split(",")).map(g -> "\"" + g + "\"").collect(Collectors.joining(","));
            String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"sapphire-api\",\"sub\":\"" + f[1] + "\",\"upn\":\"" + f[1]
                    + "\",\"name\":\"" + f[2] + "\",\"groups\":[" + groups + "],\"tenant\":\"" + f[4] + "\",\"tenant_slug\":\""
                    + f[5] + "\",\"iat\":" + now + ",\"exp\":" + expires + ",\"jti\":\"" + f[0] + "\"}";
            String signed = header + "." + base64(claims);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            System.out.println(f[1] + "\t" + signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign()));
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.sapphire.it.RemoteFixture.RemoteTenant;

/**
 * A REST API caller with a personal token, made the way a member makes one: signed in through
 * the tenant's IdP, on the tokens page.
 */
public final class ApiClient {

    public static final String API = Browser.SECURE + "/api/v1";

    private final Browser browser = new Browser();
    private final String authorization;

    private ApiClient(String token) {
        this.authorization = "Bearer " + token;
    }

    /** Signs {@code subject} in to the tenant (its IdP must be told first) and makes a token for a day. */
    public static ApiClient signedIn(TestIdp idp, RemoteTenant tenant, String subject) {
        return signedIn(idp, tenant, subject, 1);
    }

    /** The same, with a token that lasts {@code days}. */
    public static ApiClient signedIn(TestIdp idp, RemoteTenant tenant, String subject, int days) {
        idp.nextSignIn(tenant.issuerId(), subject, Map.of("name", subject + " さん"));
        Browser browser = new Browser();
        SignInFlow.signIn(browser, tenant.slug());
        HttpResponse<String> page = Pages.submit(browser, Browser.SECURE + "/app/tokens.xhtml", "create", "submit",
                Map.of("name", "api test", "days", String.valueOf(days)));
        return new ApiClient(Pages.text(page.body(), "issued-token").orElseThrow());
    }

    /** The Authorization header this client sends. */
    public String authorization() {
        return authorization;
    }

    public HttpResponse<String> get(String path) {
        return browser.send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String acceptLanguage) {
        return browser.send(request(path).header("Accept-Language", acceptLanguage).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return browser.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String json, String ifMatch) {
        return browser.send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, String json, String ifMatch, String acceptLanguage) {
        return browser.send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json, String ifMatch) {
        return browser.send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any request: this method, path, content type (none if null) and body bytes. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return browser.send(request);
    }

    public HttpResponse<String> delete(String path) {
        return browser.send(request(path).DELETE());
    }

    /** A multipart/form-data upload of one file in the part {@code file}. */
    public HttpResponse<String> upload(String path, String filename, byte[] content) {
        String boundary = "sapphire-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<byte[]> download(String path) {
        return download(path, "ja");
    }

    public HttpResponse<byte[]> download(String path, String acceptLanguage) {
        try {
            return browser.client().send(request(path).header("Accept-Language", acceptLanguage).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : API + path))
                .header("Authorization", authorization);
    }

    /** The JSON object of a response body. */
    public static Map<String, Object> json(HttpResponse<String> response) {
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + response.statusCode() + " " + response.body(), e);
        }
    }

    /** The JSON array of a 200 response's body, as objects. */
    public static List<Map<String, Object>> listBody(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSONArrayUtils.parse(response.body()).stream().map(ApiClient::object).toList();
        } catch (ParseException e) {
            throw new AssertionError("not a JSON array: " + response.body(), e);
        }
    }

    /** Asserts a status, and answers the JSON body. */
    public static Map<String, Object> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}

package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The steps of a browser sign-in at {@code /t/{tenant}/}, taken one at a time so tests can interfere. */
public final class SignInFlow {

    public static final String HOME = Browser.SECURE + "/app/home.xhtml";

    /** Where SAPPHIRE sent the browser: the IdP's authorization request and its parameters. */
    public record Started(String authorizationRequest, Map<String, String> parameters) {

        public String state() {
            return parameters.get("state");
        }

        public String nonce() {
            return parameters.get("nonce");
        }
    }

    private SignInFlow() {
    }

    public static Started start(Browser browser, String slug) {
        return started(browser.get(Browser.SECURE + "/t/" + slug + "/"));
    }

    public static Started started(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as("redirect to the IdP").isEqualTo(302);
        String location = Browser.location(redirect);
        return new Started(location, Browser.query(location));
    }

    /** The browser goes to the IdP (which signs the queued person in at once) and back to SAPPHIRE. */
    public static HttpResponse<String> throughIdp(Browser browser, Started started) {
        HttpResponse<String> idp = browser.get(started.authorizationRequest());
        assertThat(idp.statusCode()).as("IdP redirects back").isEqualTo(302);
        return browser.get(Browser.location(idp));
    }

    /** SAPPHIRE's answer to a callback the test makes up. */
    public static HttpResponse<String> callback(Browser browser, String slug, String state, String code) {
        return browser.get(Browser.SECURE + "/t/" + slug + "/callback?state=" + state + "&code=" + code);
    }

    /** A browser of {@code subject} signed in to the tenant (named after the subject, like the fixture names them). */
    public static Browser signedIn(TestIdp idp, RemoteFixture.RemoteTenant tenant, String subject) {
        idp.nextSignIn(tenant.issuerId(), subject, java.util.Map.of("name", subject + " さん"));
        Browser browser = new Browser();
        signIn(browser, tenant.slug());
        return browser;
    }

    /** The whole sign-in; returns the home page. */
    public static String signIn(Browser browser, String slug) {
        HttpResponse<String> callback = throughIdp(browser, start(browser, slug));
        assertThat(Browser.location(callback)).isEqualTo(HOME);
        HttpResponse<String> home = browser.get(HOME);
        assertThat(home.statusCode()).isEqualTo(200);
        return home.body();
    }

    /** The reason code on the sign-in error page a refused callback leads to. */
    public static String refusal(Browser browser, HttpResponse<String> callback) {
        String location = Browser.location(callback);
        assertThat(location).startsWith(Browser.SECURE + "/signin-error.xhtml");
        HttpResponse<String> page = browser.get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher reason = Pattern.compile("id=\"signin-error\" data-reason=\"([A-Z_]+)\"").matcher(page.body());
        assertThat(reason.find()).as("error page names its reason").isTrue();
        return reason.group(1);
    }

    public static String memberName(String page) {
        Matcher name = Pattern.compile("id=\"member-name\">([^<]*)<").matcher(page);
        return name.find() ? name.group(1) : null;
    }

    public static List<String> roles(String page) {
        return Pattern.compile("data-role=\"([A-Z_]+)\"").matcher(page).results().map(m -> m.group(1)).toList();
    }
}

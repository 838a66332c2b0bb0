package jp.sapphire.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Chromium browsers of one test, each signed in as someone: register with
 * {@code @RegisterExtension final Browsers browsers = new Browsers()}; after each test every
 * browser leaves a screenshot and quits, and a refused Content-Security-Policy fails the test
 * ({@link Chromium#screenshotAndQuit}).
 */
public final class Browsers implements AfterEachCallback {

    private final List<WebDriver> open = new ArrayList<>();

    /** A new browser signed in to the tenant {@code slug} at its IdP {@code issuerId} as {@code subject} with these claims. */
    public WebDriver signedIn(TestIdp idp, String issuerId, String slug, String subject, Map<String, Object> claims) {
        return signedIn(Chromium.start(), idp, issuerId, slug, subject, claims);
    }

    /** The same on a phone ({@link Chromium#startPhone()}). */
    public WebDriver signedInOnPhone(TestIdp idp, String issuerId, String slug, String subject, Map<String, Object> claims) {
        return signedIn(Chromium.startPhone(), idp, issuerId, slug, subject, claims);
    }

    private WebDriver signedIn(WebDriver browser, TestIdp idp, String issuerId, String slug, String subject,
                               Map<String, Object> claims) {
        idp.nextSignIn(issuerId, subject, claims);
        open.add(browser);
        browser.get(Browser.SECURE + "/t/" + slug + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(SignInFlow.HOME));
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            Chromium.screenshotAndQuit(context.getRequiredTestClass(), open);
        } finally {
            open.clear();
        }
    }
}

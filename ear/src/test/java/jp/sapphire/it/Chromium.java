package jp.sapphire.it;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), headless,
 * never anything downloaded: the driver binary is named, so Selenium Manager does not run.
 */
public final class Chromium {

    private static final String BROWSER = System.getProperty("sapphire.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("sapphire.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh browser with an empty profile, in Japanese, trusting the test server's certificate. */
    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--ignore-certificate-errors", "--lang=ja", "--window-size=1280,900",
                        "--user-data-dir=" + profile());
        // Headless Chromium ignores --lang for Accept-Language; the profile preference sets it.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String profile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

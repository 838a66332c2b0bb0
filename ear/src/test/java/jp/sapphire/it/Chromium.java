package jp.sapphire.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), headless,
 * never anything downloaded: the driver binary is named, so Selenium Manager does not run.
 */
public final class Chromium {

    private static final String BROWSER = System.getProperty("sapphire.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("sapphire.chromedriver", "/usr/bin/chromedriver");

    /** The phone's width in CSS pixels ({@link #startPhone()}). */
    public static final int PHONE_WIDTH = 390;

    private Chromium() {
    }

    /** Where each browser saves what it downloads. */
    private static final Map<WebDriver, Path> DOWNLOADS = new ConcurrentHashMap<>();

    /**
     * Presses a button that posts the whole page and waits until the browser has left it, so that
     * what the test reads next is the answer, not the page being replaced.
     */
    public static void press(WebDriver browser, String buttonId) {
        WebElement button = browser.findElement(By.id(buttonId));
        button.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> left(button));
        // While the next page loads, Chromium may answer any question with an error of its inspector.
        wait.ignoring(WebDriverException.class).until(driver ->
                "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Whether the element is gone from the page: stale, or (mid-navigation) unknown to Chromium's inspector. */
    private static boolean left(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /** A fresh desktop browser (1280 × 900) with an empty profile, in Japanese, trusting the test server's certificate. */
    public static ChromeDriver start() {
        return start(false);
    }

    /**
     * The same, as a phone: Chromium's own device emulation of a screen 390 CSS pixels wide (844
     * high, pixel ratio 3), with touch and a phone's user agent, so the page's viewport tag counts.
     */
    public static ChromeDriver startPhone() {
        return start(true);
    }

    private static ChromeDriver start(boolean phone) {
        String profile = profile();
        Path downloads = Path.of(profile, "downloads");
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--ignore-certificate-errors", "--lang=ja", "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        // Headless Chromium ignores --lang for Accept-Language; the profile preference sets it.
        // Files are saved without asking, where the test finds them (downloads(browser)).
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 844, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/156.0.0.0 Mobile Safari/537.36"));
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        // The console is read at the end of each test: a page that broke its Content-Security-Policy fails it.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        DOWNLOADS.put(driver, downloads);
        return driver;
    }

    /** The folder this browser (started here) saves downloads in. */
    public static Path downloads(WebDriver browser) {
        return DOWNLOADS.get(browser);
    }

    /**
     * Keeps a screenshot of each browser's last page in {@code target/screenshots} (named after the
     * test class), then quits it; fails if any page of the test broke its Content-Security-Policy
     * (a script, handler or style the policy refused, as Chromium's console reports it).
     */
    public static void screenshotAndQuit(Class<?> test, Collection<? extends WebDriver> browsers) throws IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        List<String> refused = new ArrayList<>();
        for (WebDriver browser : browsers) {
            try {
                Files.write(shots.resolve(test.getSimpleName() + "-" + UUID.randomUUID() + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                        .filter(message -> message.contains("Content Security Policy")).forEach(refused::add);
            } finally {
                DOWNLOADS.remove(browser);
                browser.quit();
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("The Content-Security-Policy refused:\n" + String.join("\n", refused));
        }
    }

    private static String profile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long a page of the UI takes in Chromium, for the load benchmark (bench/load.sh): signs in
 * through the bench IdP's login form as SUBJECT, then opens PATH with an empty browser cache and
 * again with a warm one, three times each, and prints the median of each, from navigation start to
 * the load event:
 *
 *   java -cp SELENIUM_CLASSPATH bench/PageLoad.java BASE_URL TENANT_SLUG SUBJECT PATH
 */
public class PageLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--ignore-certificate-errors", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("pageload"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(base + "/t/" + args[1] + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(args[2]);
            browser.findElement(By.cssSelector("input[type=submit], button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/app/"));
            double[] cold = new double[3];
            double[] warm = new double[3];
            for (int i = 0; i < 3; i++) {
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                cold[i] = load(browser, base + args[3]);
                warm[i] = load(browser, base + args[3]);
            }
            System.out.printf("cold %.0f ms, warm %.0f ms (medians of 3)%n", median(cold), median(warm));
            if (args.length > 4) {
                // Where a cold load's time goes: each resource's start and duration.
                browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
                load(browser, base + args[3]);
                System.out.println(browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                        + " return 'page ' + Math.round(n.responseEnd - n.startTime) + ' ms; ' + performance.getEntriesByType('resource')"
                        + ".map(r => r.name.replace(/.*resource\\//, '').replace(/\\?.*/, '') + ' @' + Math.round(r.startTime)"
                        + " + '+' + Math.round(r.duration)).join(', ');"));
            }
        } finally {
            browser.quit();
        }
    }

    /** Milliseconds from the start of the navigation to the end of the load event. */
    private static double load(ChromeDriver browser, String url) {
        browser.get(url);
        Object ms = browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.loadEventEnd - n.startTime;");
        return ((Number) ms).doubleValue();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

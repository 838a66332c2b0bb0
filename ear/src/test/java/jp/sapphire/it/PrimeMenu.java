package jp.sapphire.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A PrimeFaces select menu in Chromium, used the way a person does: open it, click the item. */
public final class PrimeMenu {

    private PrimeMenu() {
    }

    /**
     * Picks the item with this label in the menu with this client id. The menu opens with an
     * animation, so the click waits until the item stands still, and the pick is tried again if
     * the label does not follow (a click that landed during the animation).
     */
    public static void choose(WebDriver browser, String menuId, String label) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String css = "#" + menuId.replace(":", "\\:");
        By item = By.cssSelector(css + "_items li[data-label='" + label + "']");
        for (int attempt = 1; ; attempt++) {
            browser.findElement(By.id(menuId)).click();
            WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(item));
            wait.until(driver -> standsStill(choice));
            choice.click();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
                return;
            } catch (TimeoutException missed) {
                if (attempt == 3) {
                    throw missed;
                }
            }
        }
    }

    /** Whether the element is where it was a moment ago: an animation has ended (the page's time, not the service's). */
    private static boolean standsStill(WebElement element) {
        var before = element.getRect();
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return before.equals(element.getRect());
    }
}

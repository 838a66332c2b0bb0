package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** What a page looks like against the browser's width, as a user sees it (docs/UI.md). */
public final class Viewport {

    private Viewport() {
    }

    /**
     * The page is no wider than the browser's {@code width}: the document scrolls only up and
     * down. The elements reaching past the right edge are named in the failure.
     */
    public static void fits(WebDriver browser, String page, int width) {
        assertThat(fits(browser, page)).as("the browser's width").isEqualTo(width);
    }

    /** The page is no wider than the browser, whatever its width; answers that width. */
    @SuppressWarnings("unchecked")
    public static int fits(WebDriver browser, String page) {
        Map<String, Object> measured = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const viewport = window.innerWidth;
                const beyond = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > viewport + 0.5 && e.getClientRects().length > 0)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                        ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''));
                return { viewport: viewport, scrollWidth: document.documentElement.scrollWidth, beyond: beyond.slice(0, 12) };
                """);
        int width = ((Number) measured.get("viewport")).intValue();
        assertThat(((Number) measured.get("scrollWidth")).intValue())
                .as(page + " is no wider than " + width + " px; reaching beyond: " + (List<String>) measured.get("beyond"))
                .isLessThanOrEqualTo(width);
        return width;
    }
}

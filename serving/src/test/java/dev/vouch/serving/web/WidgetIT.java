package dev.vouch.serving.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.serving.app.ServerConfig;
import dev.vouch.serving.app.VouchServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The embeddable widget in real Chromium: a site on a second loopback origin (another port) embeds
 * {@code /widget.js} with the snippet from the README and gets "If you trust Inès Duarte, watch…" cards through
 * CORS, inside a shadow root that its hostile CSS cannot reach and whose CSS does not leak out. A page on an origin
 * Vouch does not allow gets a quiet message instead. Screenshots: target/screenshots/widget-*.png; with
 * {@code VOUCH_UPDATE_SCREENSHOT=true} the desktop one is copied to docs/widget.png for the README.
 */
class WidgetIT {
    private static final String REVIEWER = "reviews:ines-duarte";
    private static PageModel model;
    private static Javalin site;
    private static VouchServer vouch;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        model = PageModel.resolve();
        // The site first, so that Vouch can be told its origin; the page reads Vouch's URL when it is requested.
        site = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/", ctx -> ctx.html(page(vouch.url())));
        }).start("127.0.0.1", 0);
        vouch = VouchServer.start(ServerConfig.of(model.modelsDir()).withPort(0).withWatchInterval(Duration.ZERO)
                .withCorsOrigins(List.of(siteOrigin())));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (vouch != null) {
            vouch.close();
        }
        if (site != null) {
            site.stop();
        }
    }

    private static String siteOrigin() {
        return "http://127.0.0.1:" + site.port();
    }

    /** A site with CSS that would wreck any widget it could reach, and an element named like ours. */
    private static String page(String vouchUrl) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>A film blog</title>
                <style>
                  body { font: 20px/2 "Comic Sans MS", cursive; color: rgb(0, 128, 0); margin: 24px; }
                  h2 { display: none; }
                  li, .card { background: rgb(255, 0, 0); list-style: square; }
                  a { color: rgb(255, 0, 255); }
                </style></head>
                <body>
                  <h1>My film blog</h1>
                  <a href="#top" id="site-link">A link of the site</a>
                  <p class="card" id="site-card">The site's own .card</p>
                  <script src="%s/widget.js" data-reviewer="%s" data-limit="5"></script>
                  <p>More of the site after the widget.</p>
                </body></html>
                """.formatted(vouchUrl, REVIEWER);
    }

    private static SearchContext widget() {
        return browser.driver().findElement(By.cssSelector(".vouch-widget")).getShadowRoot();
    }

    private static boolean settled() {
        return Boolean.TRUE.equals(browser.script("const h = document.querySelector('.vouch-widget');"
                + "const s = h && h.shadowRoot && h.shadowRoot.querySelector('.vouch, [role=status]');"
                + "return !!s && (s.dataset.state === 'done' || !s.classList.contains('vouch'));"));
    }

    private static String shadowStyle(String css, String property) {
        return (String) browser.script("return getComputedStyle(document.querySelector('.vouch-widget').shadowRoot"
                + ".querySelector(arguments[0]))[arguments[1]];", css, property);
    }

    @Test
    void aSiteOnAnotherOriginShowsExplainedCardsInItsOwnPage() throws IOException {
        browser.viewport(Browser.DESKTOP);
        browser.open(siteOrigin() + "/");
        browser.await("the widget's cards", d -> settled());

        SearchContext shadow = widget();
        assertThat(shadow.findElement(By.cssSelector(".title")).getText())
                .isEqualTo("If you trust Inès Duarte, watch…");
        List<WebElement> cards = shadow.findElements(By.cssSelector(".card"));
        assertThat(cards).hasSizeBetween(1, 5);
        for (WebElement card : cards) {
            assertThat(card.findElement(By.cssSelector(".why")).getText()).contains("Inès Duarte");
            assertThat(card.findElement(By.cssSelector(".film a")).getDomAttribute("href"))
                    .isEqualTo(vouch.url() + "/#t=reviews%3Aines-duarte~1");
        }
        assertThat(cards.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("Their pick");

        // Accessible: a labelled region, not busy once loaded, a live status, and named links and scores.
        WebElement section = shadow.findElement(By.cssSelector("section"));
        assertThat(section.getDomAttribute("aria-labelledby")).isEqualTo("vouch-title");
        assertThat(section.getDomAttribute("aria-busy")).isEqualTo("false");
        assertThat(shadow.findElement(By.cssSelector("[role=status]")).getDomProperty("textContent"))
                .isEqualTo(cards.size() + " films Inès Duarte would have you watch.");
        assertThat(cards.get(0).findElement(By.cssSelector(".film a")).getDomProperty("textContent"))
                .endsWith("(opens Vouch in a new tab)");
        assertThat(cards.get(0).findElement(By.cssSelector(".score .visually-hidden")).getDomProperty("textContent"))
                .matches("Inès Duarte scored it [0-9.]+ out of 10");
        assertThat(cards.get(0).findElement(By.cssSelector(".score [aria-hidden=true]")).getText())
                .matches("[0-9.]+/10");

        // Keyboard: Tab from the site's last link lands on the first card's link, inside the shadow root.
        browser.script("document.getElementById('site-link').focus();");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.script("const r = document.querySelector('.vouch-widget').shadowRoot;"
                + "return r.activeElement && r.activeElement.closest('.card') === r.querySelector('.card');"))
                .isEqualTo(true);
        assertThat(shadowStyle(".card a:focus-visible", "outlineStyle")).isEqualTo("solid");

        // The site's CSS does not reach the widget: its heading shows, its cards are not red, its font is ours.
        assertThat(shadowStyle(".title", "display")).isEqualTo("block");
        assertThat(shadowStyle(".card", "backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        assertThat(shadowStyle(".why", "fontFamily")).doesNotContain("Comic Sans");
        assertThat(shadowStyle(".why", "color")).isNotEqualTo("rgb(0, 128, 0)");
        // ...and ours does not reach the site: its own .card stays red, its text green.
        WebElement siteCard = browser.driver().findElement(By.id("site-card"));
        assertThat(siteCard.getCssValue("background-color")).isIn("rgb(255, 0, 0)", "rgba(255, 0, 0, 1)");
        assertThat(siteCard.getCssValue("border-top-style")).isEqualTo("none");
        Path desktop = browser.screenshot("widget-desktop");

        browser.viewport(Browser.PHONE);
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at phone width").isTrue();
        browser.script("document.querySelector('.vouch-widget').scrollIntoView();");
        browser.screenshot("widget-phone");
        browser.viewport(Browser.DESKTOP);
        if ("true".equals(System.getenv("VOUCH_UPDATE_SCREENSHOT")) && model.embedded()) {
            Path docs = Path.of("..", "docs", "widget.png");
            Files.copy(desktop, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aSiteOnAnOriginVouchDoesNotAllowGetsAQuietMessage() {
        browser.viewport(Browser.DESKTOP);
        // Same page, but as http://localhost:PORT: another origin than the allowed http://127.0.0.1:PORT.
        browser.open("http://localhost:" + site.port() + "/");
        browser.await("the widget's message", d -> settled());
        assertThat(widget().findElement(By.cssSelector("[role=status]")).getDomProperty("textContent"))
                .isEqualTo("Vouch suggestions are unavailable right now.");
        assertThat(widget().findElements(By.cssSelector(".card"))).isEmpty();
    }
}

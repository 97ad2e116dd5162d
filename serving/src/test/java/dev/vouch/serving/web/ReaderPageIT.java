package dev.vouch.serving.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.serving.app.ServerConfig;
import dev.vouch.serving.app.VouchServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The readers' page end to end, in headless Chromium against a running Vouch server: search a reviewer, trust
 * them, read explained suggestions, mark a film seen, open a film's similar films, reload, and the designed states.
 * The model comes from {@code VOUCH_E2E_MODELS} (see {@link PageModel}). Screenshots go to target/screenshots;
 * with {@code VOUCH_UPDATE_SCREENSHOT=true} the desktop one is also copied to docs/screenshot.png for the README.
 */
class ReaderPageIT {
    private static PageModel model;
    private static VouchServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "Debian chromium and chromium-driver are not installed");
        model = PageModel.resolve();
        server = VouchServer.start(ServerConfig.of(model.modelsDir()).withPort(0).withWatchInterval(Duration.ZERO));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String text(String css) {
        return browser.visible(css).getText();
    }

    private static WebElement card(String filmId) {
        return browser.all(".card").stream().filter(c -> filmId.equals(c.getDomAttribute("data-film-id")))
                .findFirst().orElse(null);
    }

    @Test
    void aReaderTrustsAReviewerAndGetsExplainedSuggestions() throws IOException {
        browser.viewport(Browser.DESKTOP);
        browser.open(server.url() + "/");
        browser.script("localStorage.clear();");
        browser.open(server.url() + "/");
        assertThat(text(".state__title")).isEqualTo("Whose taste do you trust?");

        // Find the reviewer as one types, with the keyboard: ↓ then Enter opens the reviewer's card.
        WebElement search = browser.visible("#reviewer-search");
        search.sendKeys(model.query());
        WebElement option = browser.visible("#reviewer-options [role=option]");
        assertThat(option.getText()).contains(model.reviewerName());
        search.sendKeys(Keys.ARROW_DOWN);
        assertThat(search.getDomAttribute("aria-activedescendant")).isEqualTo(option.getDomAttribute("id"));
        search.sendKeys(Keys.ENTER);
        WebElement trust = browser.visible("#reviewer-dialog [data-action=trust]");
        assertThat(text("#reviewer-dialog-title")).isEqualTo(model.reviewerName());
        assertThat(text("#reviewer-dialog .leniency")).containsPattern("(?i)harsh|generous|even-handed");
        assertThat(browser.all("#reviewer-dialog .film-list li")).isNotEmpty();
        browser.screenshot("reviewer-card-desktop");
        trust.click();

        // Suggestions with explanations in the reviewer's own words and numbers.
        browser.await("suggestion cards", d -> browser.all(".card:not(.card--skeleton)").size() > 0);
        WebElement first = browser.all(".card").get(0);
        assertThat(first.findElement(By.cssSelector(".card__sentence")).getText()).contains(model.reviewerName());
        assertThat(first.findElement(By.cssSelector(".badge")).getText()).isIn("THEIR PICK", "PREDICTION");
        assertThat(first.findElements(By.cssSelector(".score"))).hasSize(1);
        assertThat(text(".trusted__name")).isEqualTo(model.reviewerName());
        assertThat(text("#results-status")).contains("suggestions because you trust " + model.reviewerName());
        Path desktop = browser.screenshot("suggestions-desktop");

        // Mark the first film seen: it disappears and is listed as seen.
        String seenId = first.getDomAttribute("data-film-id");
        String seenTitle = first.findElement(By.cssSelector(".card__title")).getText();
        first.findElement(By.cssSelector("[data-action=seen]")).click();
        browser.await("the seen film to disappear", d -> card(seenId) == null && browser.all(".card").size() > 0
                && browser.all(".card--skeleton").isEmpty());
        assertThat(text("#seen")).contains(seenTitle);

        // Rate another film: it leaves the list too, and the rating is listed.
        WebElement rated = browser.all(".card").get(1);
        String ratedId = rated.getDomAttribute("data-film-id");
        String ratedTitle = rated.findElement(By.cssSelector(".card__title")).getText();
        rated.findElement(By.cssSelector("[data-action=rate]")).click();
        rated.findElement(By.cssSelector(".rate input")).sendKeys("4", Keys.ENTER);
        browser.await("the rated film to disappear", d -> card(ratedId) == null && browser.all(".card").size() > 0
                && browser.all(".card--skeleton").isEmpty());
        assertThat(text("#seen")).contains(ratedTitle);

        // Open a film: its similar films and what the trusted reviewer made of it.
        WebElement next = browser.all(".card").get(0);
        String nextTitle = next.findElement(By.cssSelector(".card__title")).getText();
        next.findElement(By.cssSelector("[data-action=similar]")).click();
        browser.visible("#film-dialog .similar__list li");
        assertThat(text("#film-dialog-title")).isEqualTo(nextTitle);
        assertThat(text("#film-dialog .opinions")).contains(model.reviewerName());
        browser.screenshot("film-desktop");
        browser.visible("#film-dialog").sendKeys(Keys.ESCAPE);
        browser.await("the film dialog to close", d -> browser.all("#film-dialog[open]").isEmpty());

        // Reload: the trust set and the seen film survive (localStorage and the URL).
        String url = (String) browser.script("return location.href;");
        assertThat(url).contains("#t=").contains("&s=").contains("&r=");
        browser.driver().navigate().refresh();
        browser.await("suggestions after reload", d -> browser.all(".card:not(.card--skeleton)").size() > 0);
        assertThat(text(".trusted__name")).isEqualTo(model.reviewerName());
        assertThat(card(seenId)).isNull();
        assertThat(card(ratedId)).isNull();

        // A shared link alone (nothing in localStorage) restores it too.
        browser.script("localStorage.clear();");
        browser.open("about:blank");
        browser.open(url);
        browser.await("suggestions from the link", d -> browser.all(".card:not(.card--skeleton)").size() > 0);
        assertThat(text(".trusted__name")).isEqualTo(model.reviewerName());
        assertThat(card(seenId)).isNull();

        // Trust them on one aspect only: the explanations quote that sub-score.
        new Select(browser.visible("#aspect")).selectByValue("story");
        browser.await("suggestions on story", d -> browser.all(".card--skeleton").isEmpty()
                && text("#results-status").endsWith("on story."));
        assertThat(browser.all(".card").get(0).findElement(By.cssSelector(".card__sentence")).getText())
                .contains(model.reviewerName() + " gave it Story");
        browser.visible("#clear-filters").click();
        browser.await("overall suggestions again", d -> text("#results-status").endsWith(model.reviewerName() + "."));

        browser.viewport(Browser.PHONE);
        browser.await("cards laid out in one column", d -> (Boolean) browser.script(
                "return document.querySelector('.card').getBoundingClientRect().width <= 390;"));
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at phone width").isTrue();
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("page-phone");
        browser.script("document.getElementById('results-heading').scrollIntoView();");
        browser.screenshot("suggestions-phone");
        browser.viewport(Browser.DESKTOP);
        if ("true".equals(System.getenv("VOUCH_UPDATE_SCREENSHOT")) && model.embedded()) {
            Path docs = Path.of("..", "docs", "screenshot.png");
            Files.createDirectories(docs.getParent());
            Files.copy(desktop, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aReaderWhoRatedThreeFilmsSeesTheCriticsWhoShareTheirTasteAndTrustsOne() {
        browser.viewport(Browser.DESKTOP);
        browser.open(server.url() + "/");
        browser.script("localStorage.clear();");
        String two = "r=film%3Aarrival-2016~8&r=film%3Amad-max-fury-road-2015~9";
        browser.open("about:blank");
        browser.open(server.url() + "/#" + two);
        browser.await("the critics hint", d -> text("#critics").contains("Rate 1 more film"));

        browser.open("about:blank");
        browser.open(server.url() + "/#" + two + "&r=film%3Amoonlight-2016~6");
        WebElement first = browser.visible("#critics .match");
        String name = first.findElement(By.cssSelector(".match__name")).getText();
        assertThat(first.findElement(By.cssSelector(".match__record")).getText())
                .containsPattern("\\d+% on \\d+ films? you both rated");
        // The films that drove the match, each on both sides' own scales
        List<WebElement> films = first.findElements(By.cssSelector(".match__films li"));
        assertThat(films).isNotEmpty();
        assertThat(films.get(0).getText()).containsPattern("you \\d+(\\.\\d)?/10, they \\d+(\\.\\d)?/\\d+");
        browser.screenshot("critics-desktop");

        first.findElement(By.cssSelector("[data-action=trust-critic]")).click();
        browser.await("the critic in the trust set", d -> browser.all(".trusted__name").stream()
                .anyMatch(e -> e.getText().equals(name)));
        browser.await("the trust button to say so", d -> browser.visible("#critics .match [data-action=trust-critic]")
                .getText().equals("Trusted"));
        assertThat((String) browser.script("return location.href;")).contains("#t=");

        browser.viewport(Browser.PHONE);
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at phone width").isTrue();
        browser.script("document.getElementById('critics-heading').scrollIntoView();");
        browser.screenshot("critics-phone");
        browser.viewport(Browser.DESKTOP);
        browser.script("localStorage.clear();");
    }

    @Test
    void aReviewerFromALinkThatTheModelLacksIsFlagged() {
        browser.viewport(Browser.DESKTOP);
        browser.open("about:blank");
        browser.open(server.url() + "/#t=reviews%3Anobody~1");
        assertThat(text(".trusted__item--missing")).contains("not in the current model");
        browser.visible(".trusted__item--missing .icon-button").click();
        assertThat(text(".state__title")).isEqualTo("Whose taste do you trust?");
    }

    @Test
    void aServiceWithoutAModelShowsItIsWarmingUp(@TempDir Path empty) {
        try (VouchServer cold = VouchServer.start(ServerConfig.of(empty).withPort(0)
                .withWatchInterval(Duration.ZERO))) {
            browser.viewport(Browser.PHONE);
            browser.open(cold.url() + "/");
            assertThat(text("#banner")).contains("warming up");
            assertThat(text(".state__title")).isEqualTo("Not ready yet");
            browser.screenshot("not-ready-phone");
        } finally {
            browser.viewport(Browser.DESKTOP);
        }
    }
}

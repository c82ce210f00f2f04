package org.airattack.stats.widget;

import static org.airattack.stats.support.Api.asWriter;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.airattack.stats.support.Api;
import org.airattack.stats.support.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embeddable widget as a reader sees it: Debian's chromium, driven by Selenium through
 * Debian's chromedriver (no browser or driver download), loads /widget/ from the running service.
 * Without those two binaries the class is skipped, unless {@code -Dwidget.browser.required=true}
 * (as {@code .ci/run} passes), where it fails.
 *
 * <p>History: real Air Force nights from 26 April to 25 May 2025 (dataset rows in
 * {@code fixtures/widget-nights-…csv}; the dataset has no report for 8 to 10 May), the seed
 * article's nights to 23 May (launched only) and 24 May, and the Russian MoD claim.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {

    /** Debian's; elsewhere, name yours with -Dwidget.chromium=… and -Dwidget.chromedriver=…. */
    static final Path CHROMIUM = Path.of(System.getProperty("widget.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("widget.chromedriver", "/usr/bin/chromedriver"));
    static final String MISSING = CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
    static final Path SCREENSHOT = Path.of("target", "widget-screenshot.png");
    /** How long a newly posted night may take to appear; the widget polls every 2 s here. */
    static final Duration NEXT_POLL = Duration.ofSeconds(15);
    /** A wide article column; the narrow one is tested on its own. */
    static final Dimension WINDOW = new Dimension(640, 540);

    @TestHTTPResource("/widget/")
    URL widget;

    private ChromeDriverService service;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("widget.browser.required")) {
            assertTrue(installed, "-Dwidget.browser.required=true but " + MISSING);
        } else if (!installed) {
            return; // every test is skipped, visibly (see history())
        }
        Files.createDirectories(Path.of("target"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(Path.of("target", "widget-chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A fresh profile each run; no background traffic, which this machine's closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "widget-chromium-").toAbsolutePath(),
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--force-device-scale-factor=2");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void history() {
        assumeTrue(driver != null, MISSING + ": the widget's browser test is skipped");
        TestDb.reset();
        asWriter().contentType("text/csv").body(Api.fixture("widget-nights-2025-04-26-to-05-25.csv"))
                .post("/api/v1/imports/piterfm").then().statusCode(200).body("reports.created", is(32));
        Api.post("night-2025-05-23.json");
        Api.post("night-2025-05-24.json");
        Api.post("ru-mod-2025-05-23.json");
        consoleErrors(); // start each test with an empty console
        driver.manage().window().setSize(WINDOW);
    }

    @Test
    void shouldShowTheLatestNightWithGapsForUnknownAndPickUpANewReportAtTheNextPoll() throws IOException {
        open("source=ua-air-force&nights=30&refresh=2");

        assertHeadline("Night to 25 May 2025", "367", "313", "85.3%");
        // the 30 nights end at the latest night; 8 to 10 May have no report: hatched gaps, no bars
        assertEquals(List.of("2025-05-08", "2025-05-09", "2025-05-10"), dates(".gap.no-report"));
        assertTrue(all(".bar[data-date='2025-05-09']").isEmpty());
        assertEquals(Map.of("drone", 298L, "cruise-missile", 60L, "ballistic-missile", 9L), bars("2025-05-25", "launched"));
        assertEquals(Map.of("drone", 266L, "cruise-missile", 47L), bars("2025-05-25", "neutralised")); // 0 ballistic: no bar
        // the night to 23 May: launched known, neutralised unknown, so a gap mark and not a zero bar
        assertEquals(Map.of("drone", 175L, "ballistic-missile", 1L), bars("2025-05-23", "launched"));
        assertTrue(bars("2025-05-23", "neutralised").isEmpty());
        assertEquals(1, all(".gap.unknown[data-date='2025-05-23'][data-measure='neutralised']").size());
        // bar heights follow the numbers
        assertEquals(298.0 / 266.0, height("2025-05-25", "launched", "drone") / height("2025-05-25", "neutralised", "drone"), 0.02);

        driver.findElement(By.cssSelector("#w-data summary")).click();
        assertEquals(30, all("#w-table tbody tr").size());
        assertEquals(List.of("367", "313", "85.3%", "298", "266", "60", "47", "9", "0"), cells("2025-05-25"));
        // "–": the report names no cruise missile that night
        assertEquals(List.of("176", "unknown", "unknown", "175", "unknown", "–", "–", "1", "unknown"), cells("2025-05-23"));
        assertTrue(rowHeader("2025-05-09").contains("no report"), rowHeader("2025-05-09"));
        assertTrue(cells("2025-05-09").stream().allMatch("unknown"::equals), cells("2025-05-09").toString());
        driver.findElement(By.cssSelector("#w-data summary")).click();

        Instant posted = Instant.now();
        Api.post("night-2025-05-26.json");
        new WebDriverWait(driver, NEXT_POLL).until(d -> "364".equals(text("w-launched")));
        Log.infof("the widget showed the new night %d ms after it was posted", Duration.between(posted, Instant.now()).toMillis());

        assertHeadline("Night to 26 May 2025", "364", "297", "81.6%");
        assertEquals(Map.of("drone", 288L, "cruise-missile", 9L), bars("2025-05-26", "neutralised"));
        assertEquals("2025-05-26", all("#w-table tbody tr").get(0).getAttribute("data-date"));
        assertEquals("2025-04-27", all("#w-table tbody tr").get(29).getAttribute("data-date"));
        assertFalse(Boolean.parseBoolean(root().getAttribute("data-stale")));
        assertTrue(text("w-credit").contains("Petro Ivaniuk"), text("w-credit"));
        assertEquals("https://t.me/kpszsu", link("Air Force posts"));
        assertEquals("https://www.kaggle.com/datasets/piterfm/massive-missile-attacks-on-ukraine", link("dataset on Kaggle"));
        assertEquals(List.of(), consoleErrors());

        // the whole widget in a 640 px column, as the README shows it
        driver.executeScript("document.activeElement.blur()");
        @SuppressWarnings("unchecked")
        Map<String, Long> size = (Map<String, Long>) driver.executeScript("return {frameWidth: window.outerWidth - window.innerWidth,"
                + " frameHeight: window.outerHeight - window.innerHeight, height: document.documentElement.scrollHeight}");
        driver.manage().window().setSize(new Dimension(640 + size.get("frameWidth").intValue(),
                size.get("height").intValue() + size.get("frameHeight").intValue()));
        driver.executeScript("window.scrollTo(0, 0)");
        Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void shouldSumTheChosenCategoriesOnTheServerAndDrawOnlyThem() {
        open("category=ballistic-missile,cruise-missile&measure=launched");

        assertEquals("Cruise missiles and ballistic missiles, night by night", text("w-title"));
        // 25 May: Kh-59/69 4 (2 neutralised), Kh-22 1 (0), Kh-101 + Kalibr 55 (45), Iskander-M 9 (0)
        assertHeadline("Night to 25 May 2025", "69", "47", "68.1%");
        assertTrue(all(".bar[data-measure='neutralised']").isEmpty());
        assertTrue(all(".bar[data-category='drone']").isEmpty());
        assertEquals(List.of("Cruise missiles", "Ballistic missiles", "Bars: launched", "no report (unknown)"),
                all("#w-legend li").stream().map(WebElement::getText).toList());
        // the night to 21 May names drones only: no bar and no unknown mark, and "–" (none named) in the table
        assertTrue(all("[data-date='2025-05-21']").stream().noneMatch(e -> e.getTagName().equals("rect")));
        driver.findElement(By.cssSelector("#w-data summary")).click();
        assertEquals(List.of("–", "–", "–", "–", "–"), cells("2025-05-21"));
        assertEquals(List.of("69", "47", "68.1%", "60", "9"), cells("2025-05-25"));
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void shouldSayThatClaimsAreUnverifiedAndNeverLinkThemToTheUkrainianDataset() {
        open("source=ru-mod&nights=7");

        assertTrue(driver.findElement(By.id("w-claim")).isDisplayed());
        assertEquals("Claimed by the Ministry of Defence of the Russian Federation", text("w-byline"));
        // a three-night tally of drones claimed shot down; launched was never claimed
        assertHeadline("Multi-night tally to 23 May 2025", "unknown", "788", "unknown");
        assertTrue(text("w-credit").contains("unverified"), text("w-credit"));
        assertEquals("https://t.me/mod_russia", link("Ministry of Defence posts"));
        assertTrue(driver.findElements(By.linkText("dataset on Kaggle")).isEmpty());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void shouldExplainABadEmbedAddressPolitelyInsteadOfDrawing() {
        driver.get(widget + "?nights=0&measure=all");
        waitForState("invalid");
        String message = text("w-message");
        assertTrue(message.contains("“nights” must be a whole number from 1 to 366, not “0”"), message);
        assertTrue(message.contains("“measure” must be launched, neutralised or both, not “all”"), message);
        assertTrue(all("#w-chart svg").isEmpty());

        driver.get(widget + "?source=nowhere");
        waitForState("invalid");
        assertTrue(text("w-message").contains("“source” must be one of ru-mod, ua-air-command-centre,"), text("w-message"));
        assertTrue(text("w-message").contains("not “nowhere”"), text("w-message"));
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void shouldKeepTheLastNumbersAndSaySoWhenTheServiceCannotBeReached() {
        open("refresh=2");
        driver.setNetworkConditions(offline());
        try {
            new WebDriverWait(driver, NEXT_POLL).until(d -> "true".equals(root().getAttribute("data-stale")));
            assertTrue(text("w-status").startsWith("Could not refresh"), text("w-status"));
            assertHeadline("Night to 25 May 2025", "367", "313", "85.3%");
        } finally {
            driver.deleteNetworkConditions();
        }
        new WebDriverWait(driver, NEXT_POLL).until(d -> "false".equals(root().getAttribute("data-stale")));
        assertTrue(text("w-status").startsWith("Checked at"), text("w-status"));
    }

    /** The README's snippet, unchanged but for the host, in a 320 px column of an article on another origin. */
    @Test
    void shouldFitTheReadmeSnippetInANarrowColumnOfAnotherSite() throws IOException {
        String snippet = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.strip().startsWith("<iframe"))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no <iframe> snippet"))
                .replace("https://stats.example.org/widget/", widget.toString());
        byte[] article = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<title>A newsroom article</title></head><body><div style=\"width:320px\">" + snippet + "</div></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        // The newsroom's page: another origin (127.0.0.1 and another port) than the service (localhost).
        HttpServer newsroom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newsroom.createContext("/article", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, article.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(article);
            }
        });
        newsroom.start();
        try {
            driver.get("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article");
            driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
            waitForState("ready");
            assertEquals("367", text("w-launched"));
            long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
            long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
            assertTrue(scrollWidth <= clientWidth, "sideways scrolling in a 320 px frame: " + scrollWidth + " > " + clientWidth);
            assertTrue(Integer.parseInt(driver.findElement(By.cssSelector("#w-chart svg")).getAttribute("width")) <= 320);
        } finally {
            driver.switchTo().defaultContent();
            newsroom.stop(0);
        }
        assertEquals(List.of(), consoleErrors());
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void open(String query) {
        driver.get(widget + "?" + query);
        waitForState("ready");
    }

    private void waitForState(String state) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> state.equals(root().getAttribute("data-state")));
    }

    private WebElement root() {
        return driver.findElement(By.id("widget"));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private void assertHeadline(String night, String launched, String neutralised, String rate) {
        assertEquals(night, text("w-latest"));
        assertEquals(launched, text("w-launched"));
        assertEquals(neutralised, text("w-neutralised"));
        assertEquals(rate, text("w-rate"));
    }

    private List<String> dates(String css) {
        return all(css).stream().map(e -> e.getAttribute("data-date")).toList();
    }

    /** A night's bar segments for one measure: category → the count it draws. */
    private Map<String, Long> bars(String date, String measure) {
        return all(".bar[data-date='" + date + "'][data-measure='" + measure + "']").stream().collect(Collectors.toMap(
                e -> e.getAttribute("data-category"), e -> Long.parseLong(e.getAttribute("data-value")), (a, b) -> a,
                LinkedHashMap::new));
    }

    private double height(String date, String measure, String category) {
        return Double.parseDouble(driver.findElement(By.cssSelector(".bar[data-date='" + date + "'][data-measure='" + measure
                + "'][data-category='" + category + "']")).getAttribute("height"));
    }

    private List<String> cells(String date) {
        return all("#w-table tr[data-date='" + date + "'] td").stream().map(WebElement::getText).toList();
    }

    private String rowHeader(String date) {
        return driver.findElement(By.cssSelector("#w-table tr[data-date='" + date + "'] th")).getText();
    }

    private String link(String text) {
        return driver.findElement(By.linkText(text)).getAttribute("href");
    }

    /** The browser console's errors since the last call. */
    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }
}

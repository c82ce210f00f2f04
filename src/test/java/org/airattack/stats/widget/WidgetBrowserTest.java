package org.airattack.stats.widget;

import static org.airattack.stats.support.Api.asWriter;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.logging.Log;
import io.restassured.RestAssured;
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
    /** The README's screenshots (copied to docs/ by hand after looking at them). */
    static final Path DESKTOP = Path.of("target", "widget-desktop.png");
    static final Path MOBILE = Path.of("target", "widget-mobile.png");
    static final Path DARK = Path.of("target", "widget-dark.png");
    static final Path UKRAINIAN = Path.of("target", "widget-uk.png");
    /** WCAG 2.2 AA: graphical objects 3:1 (1.4.11), text 4.5:1 (1.4.3). */
    static final double GRAPHICS = 3.0;
    static final double TEXT = 4.5;
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
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
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
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
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

        // the whole widget in a 640 px column
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
        HttpServer newsroom = newsroom(article);
        try {
            driver.get("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article");
            driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
            waitForState("ready");
            assertEquals("367", text("w-launched"));
            long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
            long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
            assertTrue(scrollWidth <= clientWidth, "sideways scrolling in a 320 px frame: " + scrollWidth + " > " + clientWidth);
            assertTrue(Integer.parseInt(driver.findElement(By.cssSelector("#w-chart svg")).getAttribute("width")) <= 320);
            Log.infof("in a 320 px column the widget is %d px tall", (Long) driver.executeScript("return Math.ceil(document.documentElement.getBoundingClientRect().height)"));
        } finally {
            driver.switchTo().defaultContent();
            newsroom.stop(0);
        }
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void shouldShowTheLatestWindowItsPostTheCoverageTheAgeAndTheCsvOfTheSameQuery() throws IOException {
        viewport(1200, 800);
        open("source=ua-air-force&nights=30");

        // the night to 25 May: two reports of one post, 20:20 on 24 May to 07:00 on 25 May in Kyiv
        assertEquals("From 20:20 on 24 May to 07:00 on 25 May (Kyiv time). Read the report", text("w-window"));
        assertEquals("https://www.facebook.com/kpszsu/posts/pfbid023nDUKj1sgUSPGpa5BcddhhobFtGvckqfVGGV7W57PVsr32CxZmQWfQRC9niNUhasl",
                link("Read the report"));
        assertEquals("27 of 30 nights reported. A night without a report is unknown, not zero.", text("w-coverage"));
        // these nights are from 2025: the widget says that they are not current
        assertTrue(driver.findElement(By.id("w-stale")).isDisplayed());
        assertTrue(Integer.parseInt(driver.findElement(By.id("w-stale")).getAttribute("data-age-days")) > 2);
        assertTrue(text("w-stale").startsWith("Not current: this is the latest night in the data, "), text("w-stale"));
        // the CSV of exactly these nights
        String csv = link("Get the data (CSV)");
        assertTrue(csv.endsWith("/api/v1/nights?source=ua-air-force&from=2025-04-26&to=2025-05-25&format=csv"), csv);
        String rows = RestAssured.given().urlEncodingEnabled(false).get(csv).then().statusCode(200).extract().asString();
        assertTrue(rows.startsWith("date,launched,"), rows);
        assertTrue(rows.contains("\n2025-05-25,367,"), rows);
        assertEquals(List.of(), consoleErrors());
        scrollTop();
        Files.write(DESKTOP, driver.getScreenshotAs(OutputType.BYTES));

        // the Russian claims' last night is old too, and its window is in Moscow time
        open("source=ru-mod&nights=7");
        assertTrue(driver.findElement(By.id("w-stale")).isDisplayed());
        assertTrue(text("w-window").startsWith("From 20:00 on 20 May to 08:00 on 23 May (Moscow time)."), text("w-window"));
    }

    @Test
    void shouldSpeakUkrainianWithUkrainianNumberAndDateFormats() throws IOException {
        open("source=ua-air-force&nights=30&lang=uk");

        assertEquals("uk", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Атаки ракет і дронів, ніч за ніччю", text("w-title"));
        assertEquals("Джерело: Командування Повітряних сил ЗСУ", text("w-byline"));
        // Intl's Ukrainian: genitive month, "р.", a decimal comma
        assertHeadline("Ніч на 25 травня 2025 р.", "367", "313", "85,3%");
        assertEquals("З 20:20 24 травня до 07:00 25 травня (за київським часом). Читати звіт", text("w-window"));
        assertEquals(List.of("Запущено", "Знешкоджено", "Частка знешкоджених"),
                all(".figures dt").stream().map(WebElement::getText).toList());
        assertEquals("Звіти є за 27 із 30 ночей. Ніч без звіту — невідомо, а не нуль.", text("w-coverage"));
        assertTrue(text("w-stale").startsWith("Не актуально: це остання ніч у даних, "), text("w-stale"));
        assertEquals(List.of("Дрони", "Крилаті ракети", "Балістичні ракети", "Контурний стовпчик (ліворуч): запущено",
                "Заповнений стовпчик (праворуч): знешкоджено", "немає звіту (невідомо)", "число не вказано (невідомо)"),
                all("#w-legend li").stream().map(WebElement::getText).toList());
        assertEquals("Завантажити дані (CSV)", text("w-csv"));
        assertTrue(text("w-credit").contains("Петро Іванюк"), text("w-credit"));
        assertTrue(text("w-status").startsWith("Перевірено о "), text("w-status"));

        driver.findElement(By.cssSelector("#w-data summary")).click();
        assertEquals("Таблиця даних", driver.findElement(By.cssSelector("#w-data summary")).getText());
        assertEquals(List.of("176", "невідомо", "невідомо", "175", "невідомо", "–", "–", "1", "невідомо"), cells("2025-05-23"));
        assertTrue(rowHeader("2025-05-09").startsWith("9 трав. 2025 р."), rowHeader("2025-05-09"));
        assertTrue(rowHeader("2025-05-09").contains("немає звіту"), rowHeader("2025-05-09"));
        // a count of four digits, grouped the Ukrainian way (a no-break space), as Intl formats it for the table
        assertEquals("1\u00a0234", driver.executeScript("return new Intl.NumberFormat('uk-UA').format(1234)"));
        driver.findElement(By.cssSelector("#w-data summary")).click();
        assertEquals(List.of(), consoleErrors());
        fitToContent(640);
        Files.write(UKRAINIAN, driver.getScreenshotAs(OutputType.BYTES));

        // a bad address is explained in Ukrainian too
        driver.get(widget + "?lang=uk&nights=0");
        waitForState("invalid");
        assertTrue(text("w-message").contains("«nights» має бути цілим числом від 1 до 366, а не «0»."), text("w-message"));
        driver.get(widget + "?lang=fr");
        waitForState("invalid");
        assertTrue(text("w-message").contains("“lang” must be en or uk, not “fr”."), text("w-message"));
    }

    @Test
    void shouldDrawEveryBarAndTextWithEnoughContrastInBothThemes() throws IOException {
        open("source=ua-air-force&nights=30&theme=light");
        assertEquals("light", driver.findElement(By.tagName("html")).getAttribute("data-theme"));
        assertEquals("rgb(255, 255, 255)", background());
        assertContrast("light theme");
        // launched and neutralised told apart by their shape, not by a paler colour
        WebElement launched = driver.findElement(By.cssSelector(".bar.launched[data-date='2025-05-25'][data-category='drone']"));
        WebElement neutralised = driver.findElement(By.cssSelector(".bar.neutralised[data-date='2025-05-25'][data-category='drone']"));
        assertEquals("1.5px", launched.getCssValue("stroke-width"));
        assertTrue(Double.parseDouble(launched.getCssValue("fill-opacity")) < 0.5, launched.getCssValue("fill-opacity"));
        assertEquals("none", neutralised.getCssValue("stroke"));
        assertEquals("1", neutralised.getCssValue("fill-opacity"));
        assertEquals(launched.getCssValue("stroke"), neutralised.getCssValue("fill"), "one colour per category");

        open("source=ua-air-force&nights=30&theme=dark");
        assertEquals("dark", driver.findElement(By.tagName("html")).getAttribute("data-theme"));
        assertTrue(luminance(rgb(background())) < 0.05, background());
        assertContrast("dark theme");

        // theme=auto (the default) follows the reader's system setting
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open("source=ua-air-force&nights=366");
            assertEquals("dark", driver.findElement(By.tagName("html")).getAttribute("data-theme"));
            // 366 nights do not leave room for two bars a night: neutralised bars under a launched line, and years on the axis
            assertEquals("overlay", driver.findElement(By.cssSelector("#w-chart svg")).getAttribute("data-layout"));
            assertTrue(all("#w-legend li").stream().map(WebElement::getText).toList().containsAll(List.of("Line: launched", "Bars: neutralised")));
            assertEquals(List.of("2024", "2025"), all("#w-chart .tick.year").stream().map(e -> e.getAttribute("textContent")).toList());
            assertEquals("367", driver.findElement(By.cssSelector(".launched-line[data-date='2025-05-25']")).getAttribute("data-value"));
            assertContrast("dark theme, 366 nights");
            assertEquals(List.of(), consoleErrors());
            open("source=ua-air-force&nights=30");
            fitToContent(640);
            Files.write(DARK, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void shouldShowANightsValuesWhenItsBarHasKeyboardFocusOrIsTapped() {
        open("source=ua-air-force&nights=30");
        assertFalse(tip().isDisplayed());

        // Tab reaches the chart once, on the latest night
        for (int i = 0; i < 10 && !String.valueOf(focused().getAttribute("class")).contains("night"); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals("2025-05-25", focused().getAttribute("data-night"));
        assertTrue(tip().isDisplayed());
        assertTrue(tip().getText().startsWith("25 May 2025\nLaunched: 367 (drones 298, cruise missiles 60, ballistic missiles 9)\n"
                + "Neutralised: 313 (drones 266, cruise missiles 47, ballistic missiles 0)\nInterception rate: 85.3%"), tip().getText());
        // the focus is visible: a ring in the focus colour, 3:1 against the background
        WebElement ring = focused().findElement(By.cssSelector(".ring"));
        assertEquals("2px", ring.getCssValue("stroke-width"));
        assertTrue(contrast(ring.getCssValue("stroke"), background()) >= GRAPHICS, ring.getCssValue("stroke"));
        assertTrue(focused().getAttribute("aria-label").contains("Launched: 367"), focused().getAttribute("aria-label"));

        // arrow keys go from night to night; a night without a report says so
        new Actions(driver).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT).perform();
        assertEquals("2025-05-23", focused().getAttribute("data-night"));
        assertTrue(tip().getText().contains("Neutralised: not given (unknown)"), tip().getText());
        for (int i = 0; i < 13; i++) {
            new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        }
        assertEquals("2025-05-10", focused().getAttribute("data-night"));
        assertEquals("10 May 2025\nno report — unknown", tip().getText());
        // Escape closes the tooltip and leaves the focus where it was
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertFalse(tip().isDisplayed());
        assertEquals("2025-05-10", focused().getAttribute("data-night"));
        new Actions(driver).sendKeys(Keys.END).perform();
        assertTrue(tip().getText().startsWith("25 May 2025"), tip().getText());

        // a tap on a night shows it; a tap elsewhere closes it
        tap(driver.findElement(By.cssSelector(".night[data-night='2025-05-24'] .hit")));
        assertTrue(tip().isDisplayed());
        assertTrue(tip().getText().startsWith("24 May 2025\nLaunched: 264"), tip().getText());
        tap(driver.findElement(By.id("w-title")));
        assertFalse(tip().isDisplayed());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void shouldShowTheLatestNationalNightOnTheLandingPageInBothLanguages() {
        driver.get(widget.toString().replace("/widget/", "/"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "ready".equals(d.findElement(By.id("latest")).getAttribute("data-state")));
        assertEquals("Night to 25 May 2025", text("latest-night"));
        assertEquals("367", text("latest-launched"));
        assertEquals("85.3%", text("latest-rate"));
        assertTrue(text("latest").contains("From 20:20 24 May to 07:00 25 May (Kyiv time)."), text("latest"));
        assertTrue(text("latest").contains("Petro Ivaniuk"), text("latest"));
        // the CSV addresses are this service's own, ready to paste
        List<String> csv = all(".csv-link").stream().map(e -> e.getAttribute("href")).toList();
        assertEquals(4, csv.size());
        for (String href : csv) {
            assertTrue(href.startsWith(widget.toString().replace("/widget/", "/api/v1/")) && href.contains("format=csv"), href);
            RestAssured.given().urlEncodingEnabled(false).get(href).then().statusCode(200);
        }
        assertEquals(widget.toString().replace("/widget/", "/q/swagger-ui"), link("API documentation (Swagger UI)"));

        driver.findElement(By.id("to-uk")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "ready".equals(d.findElement(By.id("latest")).getAttribute("data-state")));
        assertEquals("uk", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Ніч на 25 травня 2025 р.", text("latest-night"));
        assertEquals("85,3%", text("latest-rate"));
        assertTrue(text("snippet-embed").contains("data-lang=\"uk\""), text("snippet-embed"));
        assertEquals(List.of(), consoleErrors());
    }

    /** The README's embed.js snippet in an article of another origin: the frame is as tall as the widget, and follows it. */
    @Test
    void shouldSizeTheIframeToTheWidgetWithEmbedJs() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        String div = readme.stream().filter(l -> l.strip().startsWith("<div data-airattack-widget")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no <div data-airattack-widget> snippet")).strip();
        String script = readme.stream().filter(l -> l.strip().startsWith("<script") && l.contains("embed.js")).findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no embed.js <script> snippet")).strip()
                .replace("https://stats.example.org/widget/", widget.toString());
        // two widgets: the second inside a Ukrainian block of the page, which embed.js passes on as lang=uk
        byte[] article = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>A newsroom article</title></head>"
                + "<body style=\"margin:0;font:17px/1.5 Georgia,serif\"><article style=\"max-width:640px;margin:0 auto;padding:0 12px\">"
                + "<h1 style=\"font-size:22px\">Russia launches hundreds of drones overnight</h1>"
                + "<p>The Air Force reported the night's figures in the morning.</p>" + div
                + "<p id=\"after\">The article goes on below the chart.</p><div lang=\"uk\">" + div + "</div>" + script
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        HttpServer newsroom = newsroom(article);
        try {
            viewport(390, 844);
            driver.get("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article");
            List<WebElement> frames = all("iframe");
            assertEquals(2, frames.size());
            assertTrue(frames.get(0).getAttribute("src").contains("embed=1"), frames.get(0).getAttribute("src"));
            assertTrue(frames.get(1).getAttribute("src").contains("lang=uk"), frames.get(1).getAttribute("src"));
            WebElement frame = frames.get(0);
            driver.switchTo().frame(frame);
            waitForState("ready");
            driver.switchTo().defaultContent();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Math.abs(frameHeight(frame) - contentHeight(frame)) <= 1);
            long fitted = frameHeight(frame);
            assertTrue(fitted > 300 && fitted < 1500, "iframe height " + fitted);
            Log.infof("embed.js sized the widget's frame to %d px in a 390 px phone", fitted);
            driver.switchTo().frame(frame);
            long inner = (Long) driver.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            assertTrue(inner <= 1, "the widget scrolls inside its frame by " + inner + " px");
            driver.switchTo().defaultContent();

            // a message that is not the widget's own changes nothing
            driver.executeScript("window.postMessage({type: 'airattack-widget:height', id: '1', height: 120}, '*')");
            sleep(300);
            assertEquals(fitted, frameHeight(frame));

            // the frame grows when the reader opens the data table
            driver.switchTo().frame(frame);
            driver.findElement(By.cssSelector("#w-data summary")).click();
            driver.switchTo().defaultContent();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> frameHeight(frame) > fitted + 200);
            assertTrue(Math.abs(frameHeight(frame) - contentHeight(frame)) <= 1);
            driver.switchTo().frame(frame);
            driver.findElement(By.cssSelector("#w-data summary")).click();
            driver.switchTo().defaultContent();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Math.abs(frameHeight(frame) - fitted) <= 1);

            // the Ukrainian one speaks Ukrainian
            driver.switchTo().frame(frames.get(1));
            waitForState("ready");
            assertTrue(text("w-latest").startsWith("Ніч на 25 травня 2025"), text("w-latest"));
            driver.switchTo().defaultContent();
            assertEquals(List.of(), consoleErrors());

            driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.tagName("h1")));
            Files.write(MOBILE, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.switchTo().defaultContent();
            newsroom.stop(0);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void open(String query) {
        driver.get(widget + "?" + query);
        waitForState("ready");
        // ready on this test's data, not on an answer of the test before still in the browser's cache
        // (the next poll would draw the chart anew under the test's hands)
        String version = String.valueOf(readModel.snapshot().version());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> version.equals(root().getAttribute("data-version"))
                || root().getAttribute("data-version") == null);
    }

    @jakarta.inject.Inject
    org.airattack.stats.readmodel.ReadModel readModel;

    private void waitForState(String state) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> state.equals(root().getAttribute("data-state")));
    }

    /** The tooltip, found again each time: a poll that brings a new data version draws the chart, and it, anew. */
    private WebElement tip() {
        return driver.findElement(By.id("w-tip"));
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

    /** The newsroom's page at /article: another origin (127.0.0.1 and another port) than the service (localhost). */
    private static HttpServer newsroom(byte[] article) throws IOException {
        HttpServer newsroom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newsroom.createContext("/article", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, article.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(article);
            }
        });
        newsroom.start();
        return newsroom;
    }

    /** A viewport of width × height CSS pixels (at the window's scale of 2), whatever the window's frame and state. */
    private void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", false));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Long.valueOf(width).equals(driver.executeScript("return window.innerWidth"))
                && Long.valueOf(height).equals(driver.executeScript("return window.innerHeight")));
    }

    /** A viewport of this width, as tall as the widget, for a screenshot of all of it. */
    private void fitToContent(int width) {
        viewport(width, 400);
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        viewport(width, (int) height);
        scrollTop();
    }

    private void scrollTop() {
        driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
    }

    private WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** A finger's tap at the middle of an element. */
    private void tap(WebElement target) {
        Rectangle r = target.getRect();
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence tap = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), r.x + r.width / 2, r.y + r.height / 2))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        driver.perform(List.of(tap));
    }

    private long frameHeight(WebElement frame) {
        return (Long) driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().height)", frame);
    }

    /** The height of the widget inside a frame, read from inside it. */
    private long contentHeight(WebElement frame) {
        driver.switchTo().frame(frame);
        try {
            return (Long) driver.executeScript("return Math.ceil(document.documentElement.getBoundingClientRect().height)");
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String background() {
        return (String) driver.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
    }

    /**
     * Every drawn bar, line and unknown mark against the chart's background (3:1), and every visible
     * text against the background behind it (4.5:1), as the browser computed their colours. An
     * outlined bar, a line or a dashed mark is drawn by its stroke, a filled bar by its fill.
     */
    private void assertContrast(String theme) {
        @SuppressWarnings("unchecked")
        List<List<String>> marks = (List<List<String>>) driver.executeScript("""
                function behind(e) {
                    for (; e; e = e.parentElement) {
                        var c = getComputedStyle(e).backgroundColor;
                        if (c !== 'transparent' && !/, 0\\)$/.test(c)) { return c; }
                    }
                    return getComputedStyle(document.documentElement).backgroundColor;
                }
                var out = [];
                var paper = behind(document.getElementById('w-chart'));
                document.querySelectorAll('#w-chart .bar, #w-chart .launched-line, #w-chart .gap.unknown, #w-chart .hatch-line')
                    .forEach(function (e) {
                        var s = getComputedStyle(e);
                        var stroked = /outline|launched-line|unknown|hatch-line/.test(e.getAttribute('class'));
                        out.push(['graphic', e.getAttribute('class') + ' ' + (e.getAttribute('data-date') || ''), stroked ? s.stroke : s.fill, paper]);
                    });
                document.querySelectorAll('#widget h1, #widget h2, #widget p, #widget dt, #widget dd, #widget li, #widget a, '
                        + '#widget summary, #widget th, #widget td, #widget caption, #w-chart text').forEach(function (e) {
                    if (!e.getClientRects().length || !e.textContent.trim()) { return; }
                    var s = getComputedStyle(e);
                    out.push(['text', e.tagName + '#' + e.id + ' ' + e.textContent.trim().slice(0, 30),
                        e instanceof SVGElement ? s.fill : s.color, behind(e)]);
                });
                return out;
                """);
        assertTrue(marks.stream().filter(m -> m.get(0).equals("graphic")).count() > 20, "bars drawn: " + marks.size());
        Map<String, Double> lowest = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (List<String> m : marks) {
            double ratio = contrast(m.get(2), m.get(3));
            lowest.merge(kind(m.get(0), m.get(1)), ratio, Math::min);
            if (ratio < (m.get(0).equals("text") ? TEXT : GRAPHICS)) {
                failures.add(String.format("%s %s: %s on %s is %.2f:1", m.get(0), m.get(1), m.get(2), m.get(3), ratio));
            }
        }
        Log.infof("contrast, %s: lowest %s", theme, lowest.entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f:1", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        assertEquals(List.of(), failures);
    }

    /** What a measured mark is, for the log: the kind of bar or line, or text. */
    private static String kind(String what, String description) {
        if (what.equals("text")) {
            return "text";
        }
        return description.contains("outline") ? "outlined bar" : description.startsWith("bar ") ? "filled bar"
                : description.contains("launched-line") ? "launched line" : description.contains("unknown") ? "dashed mark" : "hatch";
    }

    static int[] rgb(String css) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)").matcher(css);
        assertTrue(m.matches(), "not an rgb() colour: " + css);
        assertTrue(m.group(4) == null || Double.parseDouble(m.group(4)) == 1.0, "a translucent colour cannot be measured alone: " + css);
        return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)) };
    }

    /** WCAG 2.2 relative luminance. */
    static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(rgb(a));
        double lb = luminance(rgb(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }
}

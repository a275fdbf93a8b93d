package io.answersite.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's {@code chromium} package, driven with Selenium through Debian's
 * {@code chromium-driver}: navigate, evaluate, screenshot, and collect console errors. Both paths
 * are given to Selenium, so Selenium Manager never downloads a browser or a driver; the test fails
 * with a clear message when either package is missing.
 */
final class Chromium implements AutoCloseable {

    private static final Path BROWSER = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> consoleErrors = new ArrayList<>();

    Chromium() {
        for (Path program : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new IllegalStateException(program + " is missing; install Debian's chromium and chromium-driver"
                        + " packages (as .ci/run does), or pass -Dchromium=… and -Dchromedriver=…");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Opens a page and waits for its load event. */
    void open(String url) {
        driver.get(url);
    }

    /**
     * Evaluates JavaScript as the page's global code (its last statement's value; a promise is
     * awaited) and returns the value as JSON.
     */
    JsonNode eval(String expression) throws IOException {
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.resolve().then(() => (0, eval)(arguments[0]))
                    .then(v => done(JSON.stringify(v === undefined ? null : v)),
                          e => done('!' + (e && e.stack ? e.stack : String(e))));
                """, expression);
        String text = String.valueOf(result);
        if (text.startsWith("!")) {
            throw new IllegalStateException("script failed: " + text.substring(1));
        }
        return json.readTree(text);
    }

    /** A screenshot of the whole page, beyond the viewport, as PNG. */
    void screenshot(Path file) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Console errors, uncaught exceptions and failed loads seen so far. */
    List<String> consoleErrors() {
        collect();
        return List.copyOf(consoleErrors);
    }

    void clearConsole() {
        collect();
        consoleErrors.clear();
    }

    private void collect() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // the browser asks for /favicon.ico on its own; no page links it, so its 404 is not the page's error
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().contains("/favicon.ico ")) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

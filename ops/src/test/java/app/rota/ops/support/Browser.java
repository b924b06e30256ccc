package app.rota.ops.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A real Chromium driven through Debian's chromedriver (paths from {@code ROTA_CHROMIUM} and
 * {@code ROTA_CHROMEDRIVER}, by default {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}); Selenium Manager
 * is never asked to download anything. Each browser has a fresh profile, so two browsers are two users.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String baseUrl;
    private final WebDriverWait wait;

    private Browser(int port) {
        File chromium = executable("ROTA_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = executable("ROTA_CHROMEDRIVER", "/usr/bin/chromedriver");
        try {
            profile = Files.createTempDirectory("rota-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--lang=en-GB", "--window-size=1280,900", "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        baseUrl = "http://localhost:" + port;
        wait = new WebDriverWait(driver, WAIT);
    }

    public static Browser open(int port) {
        return new Browser(port);
    }

    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured == null || configured.isBlank() ? fallback : configured);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does) or set " + variable);
        }
        return file;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens the app at a route, e.g. {@code #/calendar?group=…}, as a fresh page load (a URL that differs only in its
     * fragment would not load the page again). The login stays: the tab's sessionStorage outlives navigation.
     */
    public Browser go(String hash) {
        driver.get("about:blank");
        driver.get(baseUrl + "/" + hash);
        return this;
    }

    /** Forgets the login (the token lives in the tab's sessionStorage) and shows the login form. */
    public Browser logOut() {
        driver.get(baseUrl + "/");
        driver.executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        return this;
    }

    /** Logs out whoever was logged in and logs in through the login form. */
    public Browser logIn(String username, String password) {
        logOut();
        type(By.name("username"), username);
        type(By.name("password"), password);
        click(By.cssSelector("form.login button[type=submit]"));
        await(By.cssSelector("header.topbar"));
        return this;
    }

    public WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public <T> T until(Function<ChromeDriver, T> condition) {
        return wait.until(d -> condition.apply(driver));
    }

    /** Waits until the element's text contains {@code text}. */
    public WebElement awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    public void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    public void type(By locator, String text) {
        WebElement field = await(locator);
        field.clear();
        field.sendKeys(text);
    }

    public void choose(By select, String visibleText) {
        new Select(await(select)).selectByVisibleText(visibleText);
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until no message is showing at the bottom of the screen (for a clean screenshot). */
    public void awaitNoToast() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#toast.show")));
    }

    public void scrollToTop() {
        script("window.scrollTo(0, 0)");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}

package io.streamplane.app.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;

import io.streamplane.app.testing.TestInfrastructure;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one headless Chromium of a test JVM: Debian's {@code chromium} driven through its {@code chromedriver}
 * (never downloaded), started on first use with a fresh profile and quit when the JVM exits. Browser tests
 * share it, so the suite pays for one browser start.
 */
public final class Browser {

	/** Where Debian installs the browser and its driver ({@code apt-get install chromium chromium-driver}). */
	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Console messages that are not JavaScript errors: the browser reports every 4xx answer of a fetch as a
	 * failed resource, and the console's API calls answer 4xx by design (an invalid spec is a 400 listing its
	 * problems). Anything else at SEVERE level, assets that fail to load included, is an error.
	 */
	private static final Pattern EXPECTED_API_ANSWER = Pattern
		.compile("https?://[^ ]+/(api/v1|features)/[^ ]* - Failed to load resource: the server responded with a status of 4\\d\\d.*");

	private static Browser shared;

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** The shared browser, started on the first call. */
	public static synchronized Browser get() {
		if (shared == null) {
			shared = new Browser(start());
			Browser started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(started.driver::quit, "streamplane-test-browser-quit"));
		}
		return shared;
	}

	private static ChromeDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
					+ "apt-get install chromium chromium-driver (.ci/run installs them)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1440,1000", "--user-data-dir=" + TestInfrastructure.newDataDir());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		return driver;
	}

	/** The driver. */
	public ChromeDriver driver() {
		return driver;
	}

	/**
	 * A wait of up to {@code seconds} for a condition on the page. Pages redraw their figures every few seconds,
	 * so an element found a moment ago may be gone: such a check is tried again.
	 */
	public WebDriverWait waiting(int seconds) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * The JavaScript errors (uncaught exceptions, {@code console.error}, assets that failed to load) logged
	 * since the last call; reading them clears the log.
	 */
	public List<String> javaScriptErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !EXPECTED_API_ANSWER.matcher(message).matches())
			.toList();
	}

	/**
	 * Saves a screenshot of the window as {@code <name>.png} in {@code target/console-screenshots}, and in
	 * {@code docs/console} too when the build runs with {@code -Dstreamplane.console.screenshots=docs}.
	 */
	public void screenshot(String name) {
		byte[] png = driver.getScreenshotAs(OutputType.BYTES);
		write(Path.of("target", "console-screenshots"), name, png);
		if ("docs".equals(System.getProperty("streamplane.console.screenshots"))) {
			write(Path.of("..", "docs", "console"), name, png);
		}
	}

	private static void write(Path dir, String name, byte[] png) {
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

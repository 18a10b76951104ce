package io.streamplane.benchmarks.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.streamplane.benchmarks.harness.BenchmarkException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromedriver}, as the browser tests use) timing the
 * console's pipelines page from the marks the page sets: {@code pipelines-first-render} when its table first
 * holds every pipeline, and a {@code pipelines-show} measure per refresh of the table.
 */
final class PageTimer implements AutoCloseable {

	private static final String FIRST = "const m = performance.getEntriesByName('pipelines-first-render');"
			+ "return m.length ? m[0].startTime : null;";

	private static final String REFRESHES = "return performance.getEntriesByName('pipelines-show').map(m => m.duration);";

	private final ChromeDriver driver;

	private PageTimer(ChromeDriver driver) {
		this.driver = driver;
	}

	/**
	 * A distribution of times in milliseconds.
	 *
	 * @param p50 the median
	 * @param p90 the 90th percentile
	 * @param max the largest
	 */
	record Times(double p50, double p90, double max) {

		static Times of(List<Double> values) {
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			if (sorted.length == 0) {
				return new Times(0, 0, 0);
			}
			return new Times(at(sorted, 0.5), at(sorted, 0.9), sorted[sorted.length - 1]);
		}

		private static double at(double[] sorted, double quantile) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
		}

	}

	/**
	 * @param firstRender from the start of the navigation to the first full table
	 * @param refresh updating the full table on a refresh
	 */
	record Result(Times firstRender, Times refresh) {
	}

	static PageTimer start() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		Path profile = Files.createTempDirectory("streamplane-console-benchmark-chromium-");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1440,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		return new PageTimer(new ChromeDriver(service, options));
	}

	/** Opens the page {@code rounds} times, each time waiting for its table of {@code rows} and two refreshes. */
	Result measure(String url, int rows, int rounds) {
		List<Double> first = new ArrayList<>();
		List<Double> refreshes = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			driver.get("about:blank");
			driver.get(url);
			WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20));
			wait.until(page -> String.valueOf(rows).equals(driver.executeScript(
					"return document.getElementById('main').dataset.rendered || null;")));
			Object at = wait.until(page -> driver.executeScript(FIRST));
			if (!(at instanceof Number number)) {
				throw new BenchmarkException("the page set no pipelines-first-render mark");
			}
			first.add(number.doubleValue());
			wait.until(page -> ((List<?>) driver.executeScript(REFRESHES)).size() >= 3);
			List<?> shows = (List<?>) driver.executeScript(REFRESHES);
			shows.stream().skip(1).map(value -> ((Number) value).doubleValue()).forEach(refreshes::add);
		}
		return new Result(Times.of(first), Times.of(refreshes));
	}

	@Override
	public void close() {
		driver.quit();
	}

}

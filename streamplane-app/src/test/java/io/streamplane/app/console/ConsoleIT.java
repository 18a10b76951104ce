package io.streamplane.app.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.engine.KafkaTopics;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in a real headless Chromium against the running platform (shared broker and database):
 * a pipeline is written in the editor, its validation error fixed at the line the editor shows, previewed on
 * sample records, registered, fed, watched running, its topology opened, paused and upgraded; a feature of
 * its view is looked up; the health page lists the platform; a live vector index over a PostgreSQL table is searched. Every step ends with no JavaScript error in the
 * browser's log, and leaves a screenshot of its page (see {@link Browser#screenshot}).
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT extends StreamplaneIntegrationTest {

	private static final String PIPELINE = "console-payments";

	private static final String INPUT = "console-payments";

	/** Line 6 holds a lateness the validator rejects; the test fixes it in the editor. */
	private static final String SPEC = """
			# Large payments, and how much each user spent in the last hour.
			name: console-payments
			sources:
			  payments:
			    kafka: { topic: console-payments, format: json }
			    lateness: 5 seconds
			    eventTime: { field: ts, unit: seconds }
			    fields: { ts: int, user_id: string, amount: double }
			transforms:
			  large:
			    from: payments
			    steps:
			      - filter: "amount >= 100.0"
			      - set: { flagged: "true" }
			outputs:
			  - { from: large, kafka: { topic: console-large-payments, format: json } }
			features:
			  - name: console_spend
			    from: payments
			    entity: user_id
			    features:
			      payments_1h: { aggregate: "count()", window: 1h }
			      spent_1h: { aggregate: "sum(amount)", window: 1h }
			""";

	private static final String SAMPLES = """
			{"ts": 0, "user_id": "u1", "amount": 120.0}
			{"ts": 5, "user_id": "u2", "amount": 20.0}
			{"ts": 9, "user_id": "u1", "amount": "lots"}
			""";

	/** A live vector index over a PostgreSQL table followed through CDC (see examples/cdc-to-vector-index.yaml). */
	private static final String SEARCH_SPEC = """
			name: console-docs
			tables:
			  documents:
			    postgresCdc: { table: console_it.console_documents }
			    primaryKey: [doc_id]
			indexes:
			  - name: console_docs
			    from: documents
			    text: body
			    metadata: [category]
			    chunking: { maxTokens: 256 }   # more than the model reads: the page shows the index's warning
			""";

	private static final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();

	private static KafkaProducer<String, String> producer;

	@LocalServerPort
	int port;

	private final Browser browser = Browser.get();

	private final ChromeDriver driver = browser.driver();

	@BeforeAll
	static void createInput() {
		KafkaTopics.create(INPUT, 2);
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void stopProducing() throws InterruptedException {
		feeder.shutdownNow();
		feeder.awaitTermination(5, TimeUnit.SECONDS);
		producer.close(Duration.ofSeconds(5));
	}

	@AfterEach
	void noJavaScriptErrors() {
		assertThat(browser.javaScriptErrors()).as("JavaScript errors in the browser log").isEmpty();
	}

	@Test
	@Order(1)
	void shouldShowAValidationErrorAtItsLineAndPreviewOnceFixed() {
		open("#/editor");
		browser.waiting(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("validation-status"), "Valid"));
		paste(driver.findElement(By.id("spec-text")), SPEC);

		WebElement problem = browser.waiting(20)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems li[data-path='sources.payments.lateness']")));
		assertThat(problem.getDomAttribute("data-line")).isEqualTo("6");
		assertThat(problem.getText()).contains("line 6", "sources.payments.lateness");
		assertThat(driver.findElement(By.cssSelector(".gutter .ln[data-line='6']")).getDomAttribute("class")).contains("error");
		assertThat(driver.findElement(By.id("register-button")).isEnabled()).isFalse();
		browser.screenshot("editor-problem");

		problem.findElement(By.className("line-link")).click();
		driver.findElement(By.id("spec-text")).sendKeys("    lateness: 5s");
		browser.waiting(20).until(ExpectedConditions.textToBe(By.id("validation-status"), "Valid: pipeline " + PIPELINE));
		assertThat(driver.findElements(By.cssSelector("#problems li"))).isEmpty();

		paste(driver.findElement(By.id("preview-records")), SAMPLES);
		new Select(driver.findElement(By.id("preview-topic"))).selectByValue(INPUT);
		driver.findElement(By.id("preview-button")).click();
		WebElement output = browser.waiting(30).until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("table.output-table[data-topic='console-large-payments']")));
		assertThat(output.findElements(By.cssSelector("tbody tr"))).hasSize(1);
		assertThat(output.getText()).contains("u1", "120", "true");
		WebElement deadLetters = driver.findElement(By.id("preview-dead-letters"));
		assertThat(deadLetters.findElements(By.cssSelector("tbody tr"))).hasSize(1);
		assertThat(deadLetters.getText()).contains("sources.payments", "amount");
		browser.screenshot("editor-preview");
	}

	@Test
	@Order(2)
	void shouldRegisterWithTheAdminTokenAskedOnceAndShowThePipelineRunning() {
		driver.findElement(By.id("register-button")).click();
		WebElement token = browser.waiting(10)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#token-dialog input[name=token]")));
		token.sendKeys(ADMIN_TOKEN);
		driver.findElement(By.id("token-ok")).click();
		browser.waiting(20).until(ExpectedConditions.urlContains("#/pipelines/" + PIPELINE));
		assertThat(driver.getCurrentUrl()).doesNotContain(ADMIN_TOKEN);

		AtomicInteger sent = new AtomicInteger();
		feeder.scheduleAtFixedRate(() -> produce(sent.getAndIncrement()), 0, 100, TimeUnit.MILLISECONDS);
		browser.waiting(90).until(ExpectedConditions.textToBe(By.cssSelector("#observed-state .badge"), "RUNNING"));
		browser.waiting(60).until(driver -> !"0.0".equals(driver.findElement(By.id("records-in")).getText()));
		browser.waiting(30).until(driver -> !"0".equals(driver.findElement(By.id("dead-letter-count")).getText()));
		assertThat(driver.findElement(By.id("instances-table")).getText()).contains("RUNNING");
		browser.waiting(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#throughput-chart canvas")));
		browser.screenshot("pipeline-overview");
	}

	@Test
	@Order(3)
	void shouldDrawTheTopologyWithTheSpecStepsAsLabels() {
		driver.findElement(By.id("tab-link-topology")).click();
		WebElement filter = browser.waiting(30).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("svg.topology .node[data-id='transforms.large.steps.0.filter']")));
		assertThat(filter.getText()).contains("large › filter", "transforms.large.steps[0]");
		String graph = driver.findElement(By.id("topology-canvas")).getText();
		assertThat(graph).contains("console-payments", "payments › read", "console_spend › tiles",
				"console-large-payments", "sp.dlq.console-payments", "sub-topology 0", "sub-topology 1")
			.doesNotContain("KSTREAM-", "KTABLE-");
		filter.click();
		assertThat(driver.findElement(By.className("node-details")).getText()).contains("filter", "transforms.large.steps[0]");
		browser.screenshot("pipeline-topology");
	}

	@Test
	@Order(4)
	void shouldListTheLastDeadLettersWithTheirReasons() {
		driver.findElement(By.id("tab-link-dead-letters")).click();
		WebElement table = browser.waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("dead-letters-table")));
		assertThat(table.getText()).contains("sources.payments", "field 'amount' is a string, expected double",
				"not a number");
		browser.screenshot("pipeline-dead-letters");
	}

	@Test
	@Order(5)
	void shouldLookUpAFeatureOfTheRunningPipelinesView() {
		open("#/features/console_spend");
		WebElement entities = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-entities")));
		entities.sendKeys("u1, u2, nobody");
		browser.waiting(60).until(driver -> {
			driver.findElement(By.id("lookup-button")).click();
			List<WebElement> present = browser.waiting(10).until(ExpectedConditions.presenceOfAllElementsLocatedBy(
					By.cssSelector("#lookup-table td[data-feature='payments_1h']")));
			return present.getFirst().getDomAttribute("data-status").equals("PRESENT") ? present : null;
		});
		WebElement table = driver.findElement(By.id("lookup-table"));
		assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(3);
		assertThat(table.getText()).contains("u1", "u2", "nobody", "PRESENT", "NOT_FOUND");
		browser.screenshot("features");
	}

	@Test
	@Order(6)
	void shouldPauseThePipelineAndShowItPausedInTheList() {
		open("#/pipelines/" + PIPELINE);
		browser.waiting(20).until(ExpectedConditions.elementToBeClickable(By.id("pause-button"))).click();
		browser.waiting(20).until(ExpectedConditions.textToBe(By.cssSelector("#desired-state .badge"), "PAUSED"));
		browser.waiting(60).until(ExpectedConditions.textToBe(By.cssSelector("#observed-state .badge"), "PAUSED"));
		feeder.shutdownNow();

		open("#/pipelines");
		WebElement row = browser.waiting(20)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-pipeline='" + PIPELINE + "']")));
		browser.waiting(20).until(driver -> row.findElement(By.className("badge")).getText().equals("PAUSED"));
		browser.screenshot("pipelines");
	}

	@Test
	@Order(7)
	void shouldDeployANewVersionAndShowItsDiff() {
		open("#/editor/" + PIPELINE);
		browser.waiting(20).until(ExpectedConditions.textToBe(By.id("validation-status"), "Valid: pipeline " + PIPELINE));
		WebElement text = driver.findElement(By.id("spec-text"));
		paste(text, text.getDomProperty("value").replace("amount >= 100.0", "amount >= 50.0"));
		browser.waiting(20).until(ExpectedConditions.textToBe(By.id("validation-status"), "Valid: pipeline " + PIPELINE));
		driver.findElement(By.id("register-button")).click();
		browser.waiting(20).until(ExpectedConditions.urlContains("#/pipelines/" + PIPELINE));
		browser.waiting(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("desired-state"), "version 2"));

		driver.findElement(By.id("tab-link-spec")).click();
		WebElement diff = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("spec-diff")));
		assertThat(diff.findElements(By.cssSelector(".removed"))).singleElement()
			.satisfies(line -> assertThat(line.getText()).contains("amount >= 100.0"));
		assertThat(diff.findElements(By.cssSelector(".added"))).singleElement()
			.satisfies(line -> assertThat(line.getText()).contains("amount >= 50.0"));
		browser.screenshot("pipeline-spec-diff");
	}

	@Test
	@Order(8)
	void shouldShowTheHealthOfThePlatform() {
		open("#/health");
		WebElement components = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("components-table")));
		assertThat(components.getText()).contains("kafka", "db", "pipelines");
		assertThat(driver.findElement(By.id("roles")).getText()).contains("control-plane", "engine", "feature-server");
		assertThat(driver.findElement(By.linkText("Swagger UI")).getDomAttribute("href")).isEqualTo("swagger-ui.html");
		assertThat(driver.findElement(By.linkText("Prometheus metrics")).getDomAttribute("href")).isEqualTo("actuator/prometheus");
		browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#engine-instances table")));
		browser.screenshot("health");
	}

	@Test
	@Order(9)
	void shouldSearchALiveIndexWithAFilterAndShowTheHitsAsText() throws SQLException {
		sql("CREATE SCHEMA IF NOT EXISTS console_it", "DROP TABLE IF EXISTS console_it.console_documents",
				"CREATE TABLE console_it.console_documents (doc_id int PRIMARY KEY, body text NOT NULL, category text)");
		ApiClient api = ApiClient.admin(port, ADMIN_TOKEN);
		Response created = api.post("/api/v1/pipelines", "application/yaml", SEARCH_SPEC);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		sql("INSERT INTO console_it.console_documents VALUES (1, 'Bytewax uses Timely Dataflow for execution.', 'streaming'),"
				+ " (2, 'Pathway is reactive incremental Python.', 'ml'),"
				+ " (3, '<b>Flink</b> keeps its state in RocksDB.', 'streaming')");
		await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
			.until(() -> api.get("/search/console_docs").json().path("rows").asLong() == 3);

		open("#/search/console_docs");
		WebElement indexes = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-indexes-table")));
		assertThat(indexes.getText()).contains("console_docs", "console-docs", "all-MiniLM-L6-v2");
		browser.waiting(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("index-statistics"), "384"));
		assertThat(driver.findElement(By.id("index-warnings")).getText())
			.contains("chunking.maxTokens 256 is more than model all-MiniLM-L6-v2 reads", "at most 120");

		driver.findElement(By.id("search-query")).sendKeys("Timely Dataflow");
		driver.findElement(By.id("search-filter")).sendKeys("{category: streaming}");
		driver.findElement(By.id("search-button")).click();
		assertThat(browser.waiting(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error"))).getText())
			.startsWith("Filter: not valid JSON");

		paste(driver.findElement(By.id("search-filter")), "{\"category\": \"streaming\"}");
		new Select(driver.findElement(By.id("search-mode"))).selectByValue("hybrid");
		driver.findElement(By.id("search-button")).click();
		WebElement hits = browser.waiting(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol#search-hits")));
		List<WebElement> found = hits.findElements(By.cssSelector("li.hit"));
		assertThat(found).extracting(hit -> hit.getDomAttribute("data-id")).containsExactly("1#0", "3#0");
		assertThat(found.getFirst().findElement(By.className("chunk")).getText()).isEqualTo("Bytewax uses Timely Dataflow for execution.");
		assertThat(found.getFirst().getText()).contains("score 0.", "{\"doc_id\":1}", "category", "streaming");
		WebElement markup = found.get(1).findElement(By.className("chunk"));
		assertThat(markup.getText()).isEqualTo("<b>Flink</b> keeps its state in RocksDB.");
		assertThat(markup.findElements(By.tagName("b"))).isEmpty();
		browser.screenshot("search");
	}

	private void open(String route) {
		driver.get("http://localhost:" + port + "/" + route);
	}

	/** Puts text into a text area as a paste does: one change, then the input event the page listens to. */
	private void paste(WebElement area, String text) {
		driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", area, text);
	}

	private static void sql(String... statements) throws SQLException {
		Map<String, Object> properties = TestInfrastructure.connectionProperties();
		try (Connection connection = DriverManager.getConnection((String) properties.get("spring.datasource.url"),
				(String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static void produce(int i) {
		long now = Instant.now().getEpochSecond();
		String user = "u" + (1 + i % 2);
		String amount = i % 10 == 3 ? "\"not a number\"" : Integer.toString(60 + (i % 7) * 20);
		producer.send(new ProducerRecord<>(INPUT, user,
				"{\"ts\": " + now + ", \"user_id\": \"" + user + "\", \"amount\": " + amount + "}"));
	}

}

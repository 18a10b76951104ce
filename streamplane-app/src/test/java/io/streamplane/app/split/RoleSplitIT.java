package io.streamplane.app.split;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production topology of docs/deploy.md on one machine, each process a JVM of its own: the standalone
 * Kafka and PostgreSQL alone ({@code streamplane.roles=none}), a control plane (with the demo: its pipelines,
 * click generator and documents table), two engines (capturing the documents through CDC), a feature server and
 * a rag-indexer.
 * <ol>
 * <li>the feature server's own process serves the demo's features, and the rag-indexer's own process searches
 * the demo's documentation index;</li>
 * <li>an engine killed with {@code kill -9} mid-count hands its partitions to the other, a third engine
 * started later takes a share of them, and the committed ({@code read_committed}) output holds every
 * window's count exactly once;</li>
 * <li>a real Prometheus scraping the processes evaluates every dashboard query (each returns data) and every
 * alert rule (each evaluates without error).</li>
 * </ol>
 * Process logs are in {@code target/role-split-it/}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RoleSplitIT {

	private static final String ADMIN_TOKEN = StreamplaneIntegrationTest.ADMIN_TOKEN;

	private static final Path LOGS = Path.of("target", "role-split-it");

	private static final Duration WAIT = Duration.ofMinutes(3);

	private static final String PIPELINE = "split-count";

	private static final int PARTITIONS = 4;

	/** Engine settings of the test: fast status reports and a short session, so a killed engine's partitions move within seconds. */
	private static final Map<String, String> ENGINE = Map.of("streamplane.roles", "engine",
			"spring.kafka.streams.properties.session.timeout.ms", "6000",
			"spring.kafka.streams.properties.heartbeat.interval.ms", "1500");

	private final List<RoleProcess> processes = new ArrayList<>();

	private SplitKafka kafka;

	private RoleProcess controlPlane;

	private RoleProcess engine1;

	private RoleProcess engine2;

	private RoleProcess engine3;

	private RoleProcess featureServer;

	private RoleProcess ragIndexer;

	private int servingPort;

	private int engine3Port;

	private Map<String, String> external;

	@BeforeAll
	void startTheTopology() {
		int[] ports = TestInfrastructure.freePorts(11);
		RoleProcess infrastructure = started(RoleProcess.start("infrastructure", ports[0], LOGS, Map.of(
				"streamplane.roles", "none", "streamplane.standalone.data-dir", TestInfrastructure.newDataDir().toString(),
				"streamplane.standalone.kafka-port", String.valueOf(ports[1]),
				"streamplane.standalone.controller-port", String.valueOf(ports[2]),
				"streamplane.standalone.postgres-port", String.valueOf(ports[3]),
				"streamplane.security.admin-token", ADMIN_TOKEN)));
		infrastructure.awaitReady();
		String bootstrap = "localhost:" + ports[1];
		kafka = new SplitKafka(bootstrap);
		Map<String, String> external = Map.of("spring.kafka.bootstrap-servers", bootstrap,
				"streamplane.standalone.enabled", "false");
		Map<String, String> engineExternal = new HashMap<>(external);
		engineExternal.putAll(Map.of("streamplane.engine.cdc.url", "jdbc:postgresql://localhost:" + ports[3]
				+ "/streamplane", "streamplane.engine.cdc.username", "postgres"));

		Map<String, String> controlPlaneProperties = new HashMap<>(external);
		controlPlaneProperties.putAll(Map.of("streamplane.roles", "control-plane",
				"spring.datasource.url", "jdbc:postgresql://localhost:" + ports[3] + "/streamplane",
				"spring.datasource.username", "postgres", "streamplane.security.admin-token", ADMIN_TOKEN,
				"streamplane.demo.enabled", "true", "streamplane.demo.clicks-per-second", "20"));
		controlPlane = started(RoleProcess.start("control-plane", ports[4], LOGS, controlPlaneProperties));
		engine1 = startEngine("split-engine-1", ports[5], engineExternal);
		engine2 = startEngine("split-engine-2", ports[6], engineExternal);
		servingPort = ports[8];
		Map<String, String> featureServerProperties = new HashMap<>(external);
		featureServerProperties.putAll(StreamplaneIntegrationTest.FEATURE_SERVER_TEST_PROPERTIES);
		featureServerProperties.putAll(Map.of("streamplane.roles", "feature-server",
				"streamplane.feature-server.data-dir", TestInfrastructure.newDataDir().toString(),
				"streamplane.feature-server.serving-port", String.valueOf(servingPort)));
		featureServer = started(RoleProcess.start("feature-server", ports[7], LOGS, featureServerProperties));
		Map<String, String> ragIndexerProperties = new HashMap<>(external);
		ragIndexerProperties.putAll(Map.of("streamplane.roles", "rag-indexer",
				"streamplane.rag-indexer.data-dir", TestInfrastructure.newDataDir().toString()));
		ragIndexer = started(RoleProcess.start("rag-indexer", ports[10], LOGS, ragIndexerProperties));
		engine3Port = ports[9];
		this.external = engineExternal;
		CompletableFuture.allOf(
				List.of(controlPlane, engine1, engine2, featureServer, ragIndexer).stream()
					.map(process -> CompletableFuture.runAsync(process::awaitReady))
					.toArray(CompletableFuture[]::new))
			.join();
	}

	@AfterAll
	void stopTheTopology() {
		processes.reversed().forEach(RoleProcess::close);
	}

	@Test
	@Order(1)
	void shouldRunEachRoleInItsOwnProcessAndServeFeaturesFromTheFeatureServer() {
		assertThat(roles(controlPlane)).containsExactly("control-plane");
		assertThat(roles(engine1)).containsExactly("engine");
		assertThat(roles(featureServer)).containsExactly("feature-server");
		ApiClient serving = ApiClient.admin(servingPort, "unused").withoutToken();

		await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response response = serving.get("/features/user_clicks/u1");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode clicks = response.json().path("features").path("clicks_5m");
			assertThat(clicks.path("status").asString()).isEqualTo("PRESENT");
			assertThat(clicks.path("value").asLong()).isPositive();
		});
		assertThat(controlPlane.api().get("/features/user_clicks/u1").status())
			.as("the control plane does not serve features").isNotEqualTo(200);
	}

	@Test
	@Order(1)
	void shouldSearchTheDemoDocumentationFromTheRagIndexer() {
		assertThat(roles(ragIndexer)).containsExactly("rag-indexer");
		ApiClient search = ApiClient.admin(ragIndexer.port(), "unused").withoutToken();

		// the first search loads the model: under load it may outlast the client's timeout
		await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
			Response response = search.get("/search/docs?q=exactly+once&k=3");
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.json().path("hits")).as(response.toString()).isNotEmpty();
		});
		assertThat(controlPlane.api().get("/search/docs?q=exactly+once").status())
			.as("the control plane does not search").isNotEqualTo(200);
	}

	@Test
	@Order(2)
	void shouldHandAKilledEnginesPartitionsToTheOthersAndSpreadThemToANewOneWithExactOutput() {
		WindowedCount count = new WindowedCount(PIPELINE, Instant.now().minus(Duration.ofHours(3)), 28_000);
		kafka.createTopic(count.input(), PARTITIONS);
		ApiClient api = ApiClient.admin(controlPlane.port(), ADMIN_TOKEN);
		Response registered = api.post("/api/v1/pipelines", "application/yaml", count.spec());
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		await().atMost(WAIT).untilAsserted(() -> assertThat(owners(count)).containsOnlyKeys("split-engine-1",
				"split-engine-2"));

		kafka.produce(count.input(), count.between(0, 20_000));
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
			.until(() -> kafka.committed(count.applicationId(), count.input()) >= 2_000);
		engine1.kill();
		await().atMost(WAIT).untilAsserted(() -> assertThat(owners(count)).as("partitions per engine")
			.containsExactly(Map.entry("split-engine-2", PARTITIONS)));

		kafka.produce(count.input(), count.between(20_000, 24_000));
		engine3 = started(startEngine("split-engine-3", engine3Port, external)).awaitReady();
		await().atMost(WAIT).untilAsserted(() -> assertThat(owners(count)).as("partitions per engine")
			.containsOnlyKeys("split-engine-2", "split-engine-3"));
		kafka.produce(count.input(), count.between(24_000, 28_000));
		await().atMost(WAIT).until(() -> kafka.committed(count.applicationId(), count.input()) == count.events());
		kafka.produce(count.input(), count.closingEvents());

		Map<String, Long> counted = kafka.readCounts(count.output(), count.expected().size(), WAIT);
		assertThat(counted).as("counts per key and window; process logs in %s", LOGS)
			.containsExactlyInAnyOrderEntriesOf(count.expected());
		assertThat(recordsIn(engine3, PIPELINE)).as("records the third engine processed").isPositive();
		assertThat(recordsIn(engine2, PIPELINE)).as("records the second engine processed").isPositive();
	}

	@Test
	@Order(3)
	void shouldEvaluateEveryDashboardAndAlertQueryInPrometheus() {
		List<String> targets = new ArrayList<>();
		for (RoleProcess process : List.of(controlPlane, engine2, featureServer, ragIndexer)) {
			targets.add("\"localhost:" + process.port() + "\"");
		}
		if (engine3 != null) {
			targets.add("\"localhost:" + engine3.port() + "\"");
		}
		try (PrometheusServer prometheus = PrometheusServer.start(targets, List.of(ObservabilityQueries.ALERTS),
				LOGS.resolve("prometheus"))) {
			ApiClient serving = ApiClient.admin(servingPort, "unused").withoutToken();
			await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				serving.get("/features/user_clicks/u1");
				serving.post("/features", "application/json",
						"{\"features\":[\"user_clicks:clicks_5m\"],\"entities\":{\"user_id\":[\"u1\",\"u2\"]}}");
				assertThat(prometheus.query("count(up == 1)").path("data").path("result").path(0).path("value")
					.path(1).asString()).as("targets up: %s", prometheus.targets()).isEqualTo(String.valueOf(targets.size()));
				assertThat(emptyDashboardQueries(prometheus)).as("dashboard queries without data").isEmpty();
			});

			Map<String, String> failures = new LinkedHashMap<>();
			ObservabilityQueries.dashboards().forEach((panel, expr) -> {
				JsonNode answer = prometheus.query(expr);
				if (!answer.path("status").asString().equals("success")
						|| answer.path("data").path("result").isEmpty()
						|| !ObservabilityQueries.unresolvedVariables(expr).isEmpty()) {
					failures.put(panel, expr + " -> " + answer);
				}
			});
			ObservabilityQueries.alerts().forEach((alert, expr) -> {
				JsonNode answer = prometheus.query(expr);
				if (!answer.path("status").asString().equals("success")) {
					failures.put(alert, expr + " -> " + answer);
				}
			});
			assertThat(failures).as("queries that failed or returned nothing").isEmpty();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ruleHealth(prometheus))
				.hasSize(ObservabilityQueries.alerts().size())
				.allSatisfy((rule, health) -> assertThat(health).as(rule).isEqualTo("ok")));
		}
	}

	private List<String> emptyDashboardQueries(PrometheusServer prometheus) {
		List<String> empty = new ArrayList<>();
		ObservabilityQueries.dashboards().forEach((panel, expr) -> {
			if (prometheus.query(expr).path("data").path("result").isEmpty()) {
				empty.add(panel);
			}
		});
		return empty;
	}

	private static Map<String, String> ruleHealth(PrometheusServer prometheus) {
		Map<String, String> health = new LinkedHashMap<>();
		for (JsonNode group : prometheus.rules().path("data").path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				health.put(rule.path("name").asString(), rule.path("lastEvaluation").asString().startsWith("0001")
						? "not evaluated yet" : rule.path("health").asString() + " " + rule.path("lastError").asString());
			}
		}
		health.replaceAll((rule, value) -> value.strip());
		return health;
	}

	/** Input partitions of the count per engine instance, from the consumer group's assignment. */
	private Map<String, Integer> owners(WindowedCount count) throws Exception {
		Map<String, Integer> owners = kafka.partitionsPerClient(count.applicationId(), count.input());
		Map<String, Integer> byEngine = new LinkedHashMap<>();
		owners.forEach((clientId, partitions) -> {
			for (String engine : List.of("split-engine-1", "split-engine-2", "split-engine-3")) {
				if (clientId.contains(engine)) {
					byEngine.merge(engine, partitions, Integer::sum);
				}
			}
		});
		return byEngine;
	}

	private RoleProcess startEngine(String instanceId, int port, Map<String, String> external) {
		Map<String, String> properties = new HashMap<>(external);
		properties.putAll(StreamplaneIntegrationTest.ENGINE_TEST_PROPERTIES);
		properties.putAll(ENGINE);
		properties.put("streamplane.engine.instance-id", instanceId);
		properties.put("streamplane.engine.state-dir", TestInfrastructure.newDataDir().toString());
		return started(RoleProcess.start(instanceId, port, LOGS, properties));
	}

	private RoleProcess started(RoleProcess process) {
		processes.add(process);
		return process;
	}

	private static List<String> roles(RoleProcess process) {
		List<String> roles = new ArrayList<>();
		process.api().get("/actuator/info").json().path("streamplane").path("roles").forEach(
				role -> roles.add(role.asString()));
		return roles;
	}

	private static long recordsIn(RoleProcess engine, String pipeline) {
		Matcher matcher = Pattern.compile("^streamplane_pipeline_records_in_records_total\\{pipeline=\"" + pipeline
				+ "\"} (\\S+)$", Pattern.MULTILINE).matcher(engine.metrics());
		return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
	}

}

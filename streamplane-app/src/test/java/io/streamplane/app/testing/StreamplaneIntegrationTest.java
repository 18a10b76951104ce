package io.streamplane.app.testing;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class for integration tests ({@code *IT}) that boot Streamplane against the shared Kafka
 * broker and PostgreSQL of {@link TestInfrastructure}: embedded ones, whose {@code spring.kafka.*} and
 * {@code spring.datasource.*} properties it sets, or on the container path ({@code -Pcontainers})
 * containers, whose connection details beans it registers ({@link SharedContainerConnections}); without
 * Docker, the container path skips the test class with a message naming the switch
 * ({@link SharedInfrastructureCondition}). It switches standalone mode off
 * (so a test never starts a broker of its own or touches {@code ./data}), sets the admin token
 * to {@link #ADMIN_TOKEN}, gives the engine, the feature server and the rag-indexer temporary data directories and the
 * fast settings of {@link #ENGINE_TEST_PROPERTIES} and {@link #FEATURE_SERVER_TEST_PROPERTIES}. The servers start once per test JVM, and Spring's test context cache
 * reuses application contexts across test classes with the same configuration.
 *
 * <pre class="code">
 * &#64;SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
 * class PipelineLifecycleIT extends StreamplaneIntegrationTest {
 *
 * 	&#64;Test
 * 	void shouldRunRegisteredPipeline(&#64;Autowired TestRestTemplate rest) {
 * 		// call the API with "Authorization: Bearer " + ADMIN_TOKEN, produce to
 * 		// TestInfrastructure.bootstrapServers(), assert on the outputs
 * 	}
 *
 * }
 * </pre>
 *
 * Topic names and database rows are shared by all tests in the JVM: use unique topic and
 * pipeline names per test rather than cleaning up.
 */
@ExtendWith(SharedInfrastructureCondition.class)
@Import(SharedContainerConnections.class)
public abstract class StreamplaneIntegrationTest {

	/**
	 * Engine settings of integration tests: frequent status reports, short restart backoffs and
	 * commit intervals, so tests observe changes within a second or two.
	 */
	public static final Map<String, String> ENGINE_TEST_PROPERTIES = Map.of(
			"streamplane.engine.status-interval", "500ms",
			"streamplane.engine.restart.initial-backoff", "200ms",
			"streamplane.engine.restart.max-backoff", "1s",
			"streamplane.engine.restart.max-attempts", "2",
			"streamplane.engine.commit-interval", "100ms",
			"streamplane.engine.close-timeout", "10s");

	/**
	 * Feature-server settings of integration tests: the {@code test_clicks} view (hand-made tiles of one minute,
	 * counts over 5 minutes and 1 hour, ttl 1 hour) that {@code FeatureServingIT} serves, and frequent
	 * topic refreshes so new tile topics are consumed within a second. Defined here, for every test,
	 * so all tests keep sharing one application context.
	 */
	public static final Map<String, String> FEATURE_SERVER_TEST_PROPERTIES = Map.ofEntries(
			Map.entry("streamplane.feature-server.topic-refresh-interval", "500ms"),
			Map.entry("streamplane.feature-server.poll-timeout", "100ms"),
			Map.entry("streamplane.feature-server.block-cache", "16MB"),
			Map.entry("streamplane.feature-server.write-buffers", "4MB"),
			Map.entry("streamplane.feature-server.views[test_clicks].entity-key", "user_id"),
			Map.entry("streamplane.feature-server.views[test_clicks].tile-size", "1m"),
			Map.entry("streamplane.feature-server.views[test_clicks].ttl", "1h"),
			Map.entry("streamplane.feature-server.views[test_clicks].features[clicks_5m].aggregate", "count"),
			Map.entry("streamplane.feature-server.views[test_clicks].features[clicks_5m].window", "5m"),
			Map.entry("streamplane.feature-server.views[test_clicks].features[clicks_1h].aggregate", "count"),
			Map.entry("streamplane.feature-server.views[test_clicks].features[clicks_1h].window", "1h"));

	/** The control plane's admin token in integration tests. */
	public static final String ADMIN_TOKEN = "streamplane-integration-test-admin-token";

	@DynamicPropertySource
	static void sharedInfrastructure(DynamicPropertyRegistry registry) {
		if (!TestInfrastructure.onContainers()) {
			TestInfrastructure.connectionProperties().forEach((name, value) -> registry.add(name, () -> value));
		}
		registry.add("streamplane.standalone.enabled", () -> "false");
		registry.add("streamplane.security.admin-token", () -> ADMIN_TOKEN);
		ENGINE_TEST_PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
		Path engineStateDir = TestInfrastructure.newDataDir();
		registry.add("streamplane.engine.state-dir", () -> engineStateDir.toString());
		FEATURE_SERVER_TEST_PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
		Path featureDataDir = TestInfrastructure.newDataDir();
		registry.add("streamplane.feature-server.data-dir", () -> featureDataDir.toString());
		Path indexDataDir = TestInfrastructure.newDataDir();
		registry.add("streamplane.rag-indexer.data-dir", () -> indexDataDir.toString());
		registry.add("streamplane.rag-indexer.poll-timeout", () -> "100ms");
	}

}

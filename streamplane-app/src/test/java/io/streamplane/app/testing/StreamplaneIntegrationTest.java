package io.streamplane.app.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base class for integration tests ({@code *IT}) that boot Streamplane against the shared
 * embedded Kafka broker and PostgreSQL of {@link TestInfrastructure}. It points
 * {@code spring.kafka.*} and {@code spring.datasource.*} at them, switches standalone mode off
 * (so a test never starts a broker of its own or touches {@code ./data}) and sets the admin token
 * to {@link #ADMIN_TOKEN}. The servers start once per test JVM, and Spring's test context cache
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
public abstract class StreamplaneIntegrationTest {

	/** The control plane's admin token in integration tests. */
	public static final String ADMIN_TOKEN = "streamplane-integration-test-admin-token";

	@DynamicPropertySource
	static void sharedInfrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.connectionProperties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("streamplane.standalone.enabled", () -> "false");
		registry.add("streamplane.security.admin-token", () -> ADMIN_TOKEN);
	}

}

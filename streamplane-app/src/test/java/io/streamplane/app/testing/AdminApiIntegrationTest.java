package io.streamplane.app.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class for integration tests that drive Streamplane through its REST API as the admin: it
 * holds the web port of a {@code webEnvironment = RANDOM_PORT} test and an {@link ApiClient} with
 * {@link #ADMIN_TOKEN}, made before each test (before the subclass's own {@code @BeforeEach}
 * methods, which may use it).
 */
public abstract class AdminApiIntegrationTest extends StreamplaneIntegrationTest {

	/** The web port of the application under test. */
	@LocalServerPort
	protected int port;

	/** The REST API as the admin. */
	protected ApiClient api;

	@BeforeEach
	final void adminApi() {
		api = ApiClient.admin(port, ADMIN_TOKEN);
	}

}

package io.streamplane.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.TestInfrastructure;
import io.streamplane.features.serving.ServingServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README quickstart: standalone started with {@code --streamplane.demo.enabled=true} answers
 * {@code /features} on the serving port with live values from the demo pipeline within a minute of start-up.
 * <p>
 * Embedded by nature: it starts standalone with its own broker and database, so it runs on the
 * embedded path whatever {@code -Pcontainers} says.
 */

class DemoIT {

	@Test
	void shouldServeLiveFeaturesFromTheDemoPipelineWithinAMinuteOfStartUp() throws Exception {
		Path dataDir = TestInfrastructure.newDataDir();
		String[] args = { "--server.port=0", "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + TestInfrastructure.freePort(),
				"--streamplane.standalone.controller-port=" + TestInfrastructure.freePort(),
				"--streamplane.standalone.postgres-port=" + TestInfrastructure.freePort(),
				"--streamplane.demo.enabled=true", "--streamplane.demo.clicks-per-second=50" };
		long started = System.nanoTime();
		SpringApplication application = new SpringApplication(StreamplaneApplication.class);
		application.setRegisterShutdownHook(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			ApiClient api = ApiClient.admin(port, "unused").withoutToken();
			int servingPort = Integer.parseInt(context.getEnvironment().getRequiredProperty(ServingServer.LOCAL_PORT));
			ApiClient serving = ApiClient.admin(servingPort, "unused").withoutToken();

			await().atMost(Duration.ofSeconds(60).minusNanos(System.nanoTime() - started))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(clicks(serving, "clicks_5m")).isPositive());

			long first = clicks(serving, "clicks_1h");
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(clicks(serving, "clicks_1h")).isGreaterThan(first));
			JsonNode status = api.get("/api/v1/pipelines/online-click-features/status").json();
			assertThat(status.path("state").asString()).isEqualTo("RUNNING");
		}
	}

	private static long clicks(ApiClient api, String feature) throws Exception {
		Response response = api.get("/features/user_clicks/u1");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode value = response.json().path("features").path(feature);
		return "PRESENT".equals(value.path("status").asString()) ? value.path("value").asLong() : 0;
	}

}

package io.streamplane.app.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform in standalone mode, as a user starts it: pipelines and their versions
 * survive a restart on the same data directory.
 * <p>
 * Embedded by nature: it restarts standalone's own broker and database, so it runs on the embedded
 * path whatever {@code -Pcontainers} says.
 */

class StandaloneRestartIT {

	@Test
	void shouldKeepPipelinesAndVersionsAcrossARestart() throws IOException {
		Path dataDir = TestInfrastructure.newDataDir();
		int[] ports = TestInfrastructure.freePorts(3);
		String[] args = { "--server.port=0", "--streamplane.standalone.data-dir=" + dataDir,
				"--streamplane.standalone.kafka-port=" + ports[0],
				"--streamplane.standalone.controller-port=" + ports[1],
				"--streamplane.standalone.postgres-port=" + ports[2] };
		String spec = ApiClient.example("topic-to-topic-enrichment.yaml");
		String path = "/api/v1/pipelines/topic-to-topic-enrichment";

		try (ConfigurableApplicationContext first = start(args)) {
			ApiClient api = client(first, dataDir);
			assertThat(api.post("/api/v1/pipelines", "application/yaml", spec).status()).isEqualTo(201);
			assertThat(api.put(path, "application/yaml", spec.replace("1000", "750")).status()).isEqualTo(200);
			assertThat(api.post(path + "/pause").status()).isEqualTo(200);
		}

		try (ConfigurableApplicationContext second = start(args)) {
			ApiClient api = client(second, dataDir);
			assertThat(api.get(path).json().path("version").asInt()).isEqualTo(2);
			assertThat(api.get(path).json().path("desiredState").asString()).isEqualTo("PAUSED");
			assertThat(api.get(path + "/versions").json()).extracting(version -> version.path("version").asInt())
				.containsExactly(1, 2);
			assertThat(api.get(path + "?version=1").json().at("/spec/transforms/enriched/steps/0/set/is_high_value")
				.asString()).isEqualTo("amount >= 1000");
		}
	}

	private static ConfigurableApplicationContext start(String[] args) {
		SpringApplication application = new SpringApplication(StreamplaneApplication.class);
		application.setRegisterShutdownHook(false);
		return application.run(args);
	}

	private static ApiClient client(ConfigurableApplicationContext context, Path dataDir) throws IOException {
		int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		return ApiClient.admin(port, Files.readString(dataDir.resolve("admin-token")).strip());
	}

}

package io.streamplane.app.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine-only process serves its actuator endpoints without credentials and nothing else. */
@ExtendWith(OutputCaptureExtension.class)
class EngineOnlySecurityIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldOpenActuatorEndpointsWithoutAGeneratedPassword(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext engine = EngineScaleOutIT.startEngineOnly("security-engine")) {
			String base = "http://localhost:" + engine.getEnvironment().getProperty("local.server.port");

			assertThat(status(base + "/actuator/health/readiness")).isEqualTo(200);
			assertThat(status(base + "/actuator/prometheus")).isEqualTo(200);
			assertThat(status(base + "/actuator/info")).isEqualTo(200);
			assertThat(status(base + "/actuator/metrics")).isEqualTo(403);
			assertThat(status(base + "/api/v1/pipelines")).isEqualTo(403);
			assertThat(engine.getBeanNamesForType(UserDetailsService.class)).isEmpty();
			assertThat(output).doesNotContain("Using generated security password");
		}
	}

	private int status(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}

package io.streamplane.app.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.AdminApiIntegrationTest;
import io.streamplane.app.testing.ApiClient.Response;

/** Feature view names stay unique when pipelines defining one name are created at the same moment. */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FeatureViewNameClashIT extends AdminApiIntegrationTest {

	private static final int CREATES = 6;

	@Test
	void shouldLetOnlyOneOfConcurrentCreatesTakeAViewName() throws Exception {
		String spec = ApiClient.example("online-click-features.yaml")
			.replace("name: user_clicks", "name: clash_clicks")
			.replace("topic: clicks", "topic: clash-clicks")
			.replace("guarantee: exactly_once", "guarantee: at_least_once");
		List<Callable<Response>> creates = new ArrayList<>();
		for (int i = 0; i < CREATES; i++) {
			String named = spec.replace("name: online-click-features", "name: clash-" + i);
			creates.add(() -> api.post("/api/v1/pipelines", "application/yaml", named));
		}
		List<Response> responses = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(CREATES)) {
			for (Future<Response> response : threads.invokeAll(creates)) {
				responses.add(response.get());
			}
		}
		try {
			assertThat(responses).as(responses.toString()).filteredOn(response -> response.status() == 201).hasSize(1);
			assertThat(responses).filteredOn(response -> response.status() != 201)
				.allSatisfy(response -> {
					assertThat(response.status()).as(response.toString()).isEqualTo(409);
					assertThat(response.json().path("detail").asString()).contains("'clash_clicks'");
				});
		}
		finally {
			for (int i = 0; i < CREATES; i++) {
				api.delete("/api/v1/pipelines/clash-" + i);
			}
		}
	}

}

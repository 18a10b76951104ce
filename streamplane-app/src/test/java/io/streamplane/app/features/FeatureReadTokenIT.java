package io.streamplane.app.features;

import io.streamplane.app.StreamplaneApplication;
import io.streamplane.app.testing.ApiClient;
import io.streamplane.app.testing.ApiClient.Response;
import io.streamplane.app.testing.StreamplaneIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.streamplane.features.serving.ServingServer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code streamplane.feature-server.read-token} set and every role in one process, feature reads need
 * that token and only that token, while the control plane keeps its admin token ({@code FeatureServerRestartIT}
 * covers a feature-server-only process).
 */
@SpringBootTest(classes = StreamplaneApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "streamplane.feature-server.read-token=" + FeatureReadTokenIT.READ_TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class FeatureReadTokenIT extends StreamplaneIntegrationTest {

	static final String READ_TOKEN = "feature-read-token-of-the-it";

	private static final String BODY = "{\"view\": \"test_clicks\", \"entities\": {\"user_id\": [\"u1\"]}}";

	@LocalServerPort
	int port;

	@Value("${" + ServingServer.LOCAL_PORT + "}")
	int servingPort;

	@Test
	void shouldRefuseFeatureReadsWithoutTheReadTokenWithUnauthorizedProblem() {
		ApiClient anonymous = ApiClient.admin(port, ADMIN_TOKEN).withoutToken();

		Response get = anonymous.get("/features/test_clicks/u1");
		Response post = anonymous.post("/features", "application/json", BODY);

		assertThat(get.status()).as(get.toString()).isEqualTo(401);
		assertThat(get.contentType()).startsWith("application/problem+json");
		assertThat(get.json().path("type").asString()).isEqualTo("urn:streamplane:problem:unauthorized");
		assertThat(get.json().path("detail").asString()).contains("streamplane.feature-server.read-token")
			.doesNotContain(READ_TOKEN);
		assertThat(post.status()).as(post.toString()).isEqualTo(401);
	}

	@Test
	void shouldServeFeatureReadsWithTheReadTokenAndOnlyWithIt(CapturedOutput output) {
		ApiClient reader = ApiClient.admin(port, READ_TOKEN);

		assertThat(reader.get("/features/test_clicks/u1").status()).isEqualTo(200);
		assertThat(reader.post("/features", "application/json", BODY).status()).isEqualTo(200);
		assertThat(reader.withToken(ADMIN_TOKEN).get("/features/test_clicks/u1").status()).isEqualTo(401);
		assertThat(reader.withAuthorization("Basic dXNlcjpwYXNz").get("/features/test_clicks/u1").status())
			.isEqualTo(401);
		assertThat(output).doesNotContain(READ_TOKEN);
	}

	@Test
	void shouldAskForTheReadTokenOnTheServingPortToo() {
		ApiClient serving = ApiClient.admin(servingPort, READ_TOKEN);

		Response anonymous = serving.withoutToken().get("/features/test_clicks/u1");
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		assertThat(anonymous.json().path("detail").asString()).contains("streamplane.feature-server.read-token");
		assertThat(serving.withToken(ADMIN_TOKEN).post("/features", "application/json", BODY).status()).isEqualTo(401);
		assertThat(serving.get("/features/test_clicks/u1").status()).isEqualTo(200);
		assertThat(serving.post("/features", "application/json", BODY).status()).isEqualTo(200);
	}

	@Test
	void shouldKeepTheAdminTokenForTheControlPlaneApi() {
		ApiClient admin = ApiClient.admin(port, ADMIN_TOKEN);

		assertThat(admin.get("/api/v1/pipelines").status()).isEqualTo(200);
		assertThat(admin.withToken(READ_TOKEN).post("/api/v1/pipelines/none/pause").status()).isEqualTo(401);
		assertThat(admin.withToken(READ_TOKEN).get("/api/v1/pipelines").status())
			.as("issue 12: a token that is not the admin's is ignored where reads are open").isEqualTo(200);
		assertThat(admin.withoutToken().get("/actuator/health/liveness").status()).isEqualTo(200);
	}

}

package io.streamplane.app;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StreamplaneInfoContributorTest {

	@Test
	void shouldShowRolesModeAndEndpointsWithoutCredentials() {
		MockEnvironment environment = new MockEnvironment().withProperty("streamplane.roles", "engine,feature-server")
			.withProperty("spring.kafka.bootstrap-servers", "kafka:9092")
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/streamplane?user=sp&password=s3cret")
			.withProperty("spring.datasource.password", "s3cret");
		Info.Builder builder = new Info.Builder();
		new StreamplaneInfoContributor(environment, false).contribute(builder);
		Map<String, Object> details = builder.build().getDetails();
		assertThat(details).extractingByKey("streamplane")
			.isEqualTo(Map.of("roles", List.of("engine", "feature-server"), "mode", "external", "kafka",
					Map.of("bootstrapServers", "kafka:9092"), "database",
					Map.of("url", "jdbc:postgresql://db/streamplane")));
		assertThat(details.toString()).doesNotContain("s3cret").doesNotContain("user=");
	}

}

package io.streamplane.app;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StreamplaneInfoContributorTest {

	private static final KafkaConnectionDetails KAFKA = () -> List.of("kafka-1:9092", "kafka-2:9092");

	private static final JdbcConnectionDetails DATABASE = new JdbcConnectionDetails() {

		@Override
		public String getJdbcUrl() {
			return "jdbc:postgresql://db/streamplane?user=sp&password=s3cret";
		}

		@Override
		public String getUsername() {
			return "sp";
		}

		@Override
		public String getPassword() {
			return "s3cret";
		}

	};

	@Test
	void shouldShowRolesModeAndEndpointsWithoutCredentials() {
		MockEnvironment environment = new MockEnvironment().withProperty("streamplane.roles", "engine,feature-server");
		Info.Builder builder = new Info.Builder();
		new StreamplaneInfoContributor(environment, false, KAFKA, DATABASE).contribute(builder);
		Map<String, Object> details = builder.build().getDetails();
		assertThat(details).extractingByKey("streamplane")
			.isEqualTo(Map.of("roles", List.of("engine", "feature-server"), "mode", "external", "kafka",
					Map.of("bootstrapServers", "kafka-1:9092,kafka-2:9092"), "database",
					Map.of("url", "jdbc:postgresql://db/streamplane")));
		assertThat(details.toString()).doesNotContain("s3cret").doesNotContain("user=");
	}

	@Test
	void shouldLeaveTheDatabaseOutOfAProcessWithoutOne() {
		Info.Builder builder = new Info.Builder();
		new StreamplaneInfoContributor(new MockEnvironment(), true, KAFKA, null).contribute(builder);
		assertThat(builder.build().getDetails()).extractingByKey("streamplane")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("mode", "standalone")
			.doesNotContainKey("database");
	}

	@Test
	void shouldAdvertiseSearchOnlyWithTheRagIndexerRole() {
		Info.Builder search = new Info.Builder();
		new StreamplaneInfoContributor(new MockEnvironment().withProperty("streamplane.roles", "rag-indexer"), false,
				KAFKA, null).contribute(search);
		Info.Builder engine = new Info.Builder();
		new StreamplaneInfoContributor(new MockEnvironment().withProperty("streamplane.roles", "engine"), false, KAFKA,
				null).contribute(engine);

		assertThat(search.build().getDetails()).extractingByKey("streamplane")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("search", Map.of("path", "/search/{index}", "docs", "docs/search.md"));
		assertThat(engine.build().getDetails()).extractingByKey("streamplane")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.doesNotContainKey("search");
	}

}

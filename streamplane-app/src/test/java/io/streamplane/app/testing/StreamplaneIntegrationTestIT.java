package io.streamplane.app.testing;

import java.util.List;
import java.util.Map;

import io.streamplane.app.standalone.StandaloneInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = StreamplaneIntegrationTestIT.KafkaAndDatabase.class, webEnvironment = WebEnvironment.NONE)
class StreamplaneIntegrationTestIT extends StreamplaneIntegrationTest {

	@Test
	void shouldConnectToSharedInfrastructureWithoutStartingStandalone(@Autowired ApplicationContext context,
			@Autowired Environment environment) {
		Map<String, Object> shared = TestInfrastructure.connectionProperties();
		assertThat(context.containsBean(StandaloneInfrastructure.BEAN_NAME)).isFalse();
		assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
			.isEqualTo(List.of(TestInfrastructure.bootstrapServers()));
		JdbcConnectionDetails database = context.getBean(JdbcConnectionDetails.class);
		assertThat(database.getJdbcUrl()).isEqualTo(shared.get("spring.datasource.url"));
		assertThat(database.getUsername()).isEqualTo(shared.get("spring.datasource.username"));
		assertThat(environment.getProperty("streamplane.security.admin-token")).isEqualTo(ADMIN_TOKEN);
		if (TestInfrastructure.onContainers()) {
			assertThat(environment.containsProperty("spring.kafka.bootstrap-servers")).isFalse();
			assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
		}
		else {
			assertThat(shared.get("spring.datasource.url"))
				.isEqualTo(TestInfrastructure.embedded().postgres().orElseThrow().jdbcUrl());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class })
	static class KafkaAndDatabase {

	}

}

package io.streamplane.app.testing;

import io.streamplane.app.standalone.StandaloneInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = StreamplaneIntegrationTestIT.EmptyConfiguration.class,
		webEnvironment = WebEnvironment.NONE)
class StreamplaneIntegrationTestIT extends StreamplaneIntegrationTest {

	@Test
	void shouldPointAtSharedInfrastructureWithoutStartingStandalone(@Autowired ApplicationContext context,
			@Autowired Environment environment) {
		assertThat(context.containsBean(StandaloneInfrastructure.BEAN_NAME)).isFalse();
		assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
			.isEqualTo(TestInfrastructure.bootstrapServers());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo(TestInfrastructure.get().postgres().orElseThrow().jdbcUrl());
		assertThat(environment.getProperty("streamplane.security.admin-token")).isEqualTo(ADMIN_TOKEN);
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}

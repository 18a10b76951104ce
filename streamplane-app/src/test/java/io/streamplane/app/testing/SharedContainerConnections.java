package io.streamplane.app.testing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * On the container path, connects a {@link StreamplaneIntegrationTest}'s application to the shared
 * containers through connection details beans, as {@code @ServiceConnection} would: no
 * {@code spring.kafka.*} or {@code spring.datasource.*} property is set. The containers are not beans,
 * so no context stops them: every cached context shares them until the JVM exits.
 */
@TestConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = TestInfrastructure.BACKEND_PROPERTY, havingValue = TestInfrastructure.CONTAINERS)
public class SharedContainerConnections {

	@Bean
	KafkaConnectionDetails sharedKafkaContainerConnectionDetails() {
		return ContainerConnections.kafka(TestInfrastructure.containers().kafka());
	}

	@Bean
	JdbcConnectionDetails sharedPostgresContainerConnectionDetails() {
		return ContainerConnections.jdbc(TestInfrastructure.containers().postgres());
	}

}

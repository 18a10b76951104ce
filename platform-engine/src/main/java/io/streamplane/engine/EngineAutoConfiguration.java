package io.streamplane.engine;

import io.streamplane.engine.cdc.CdcConfiguration;
import io.streamplane.engine.cdc.CdcInstance;
import io.streamplane.engine.runtime.EngineIdentity;
import io.streamplane.engine.runtime.EngineProperties;
import io.streamplane.engine.runtime.RuntimeConfiguration;
import io.streamplane.role.ConditionalOnRole;
import io.streamplane.role.Role;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The engine role: follows desired pipeline states on {@code sp.pipelines} and runs each pipeline
 * as a Kafka Streams application, reporting to {@code sp.status}. On when
 * {@code streamplane.roles} includes {@code engine}; configured by {@link EngineProperties}. Captures
 * PostgreSQL changes of demanded tables ({@link CdcConfiguration}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnRole(Role.ENGINE)
@EnableConfigurationProperties(EngineProperties.class)
@Import({ RuntimeConfiguration.class, CdcConfiguration.class })
public final class EngineAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CdcInstance cdcInstance(EngineProperties engine, EngineIdentity identity) {
		return new CdcInstance(identity.instanceId(), engine.replicationFactor());
	}

}

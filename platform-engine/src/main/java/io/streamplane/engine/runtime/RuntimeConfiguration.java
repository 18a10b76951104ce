package io.streamplane.engine.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.cdc.CdcCapture;
import io.streamplane.protocol.KafkaClientConfigs;
import io.streamplane.spec.SpecReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine runtime: desired-state reader, pipeline supervisor, status reports, health. */
@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TopologyCompiler topologyCompiler() {
		PipelineCompiler compiler = new PipelineCompiler();
		return compiler::compile;
	}

	@Bean
	EngineIdentity engineIdentity(EngineProperties properties) {
		return EngineIdentity.of(properties);
	}

	@Bean
	PipelineSupervisor pipelineSupervisor(EngineProperties configured, EngineIdentity identity, KafkaProperties kafka,
			KafkaConnectionDetails connection, TopologyCompiler compiler, ObjectProvider<MeterRegistry> registry) {
		EngineProperties properties = configured.withInstanceId(identity.instanceId());
		KafkaClients clients = new KafkaClients(new KafkaClientConfigs(kafka, connection), properties.instanceId());
		EngineServices services = new EngineServices(properties, new SpecReader(), compiler,
				new StreamsSettings(clients.streams(), properties),
				new PipelineTopics(clients.admin("topics"), properties.replicationFactor()),
				registry.getIfAvailable(SimpleMeterRegistry::new),
				Executors.newCachedThreadPool(Thread.ofPlatform().name("sp-engine-lifecycle-", 1).factory()),
				Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sp-engine-timer").factory()));
		return new PipelineSupervisor(services);
	}

	@Bean
	EngineLifecycle engineLifecycle(PipelineSupervisor supervisor, EngineProperties properties, EngineIdentity identity,
			KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<JsonMapper> json,
			ObjectProvider<CdcCapture> capture) {
		KafkaClients clients = new KafkaClients(new KafkaClientConfigs(kafka, connection), identity.instanceId());
		JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
		Optional<CdcDemand> cdc = Optional.ofNullable(capture.getIfAvailable())
			.map(found -> new CdcDemand(found, new SpecReader()));
		StatusReporter reporter = new StatusReporter(clients.producer("status", 5_000), mapper,
				identity.instanceId(), properties.statusInterval(), supervisor::snapshots,
				pipeline -> cdc.map(demand -> demand.reports(pipeline)).orElse(Map.of()));
		DesiredStateReader reader = new DesiredStateReader(() -> clients.groupLessConsumer("desired-state"), mapper,
				desired -> {
					supervisor.apply(desired);
					cdc.ifPresent(demand -> demand.accept(desired));
				}, () -> cdc.ifPresent(CdcDemand::caughtUp));
		return new EngineLifecycle(supervisor, reporter, reader);
	}

	@Bean
	PipelinesHealthContributor pipelinesHealthContributor(PipelineSupervisor supervisor) {
		return new PipelinesHealthContributor(supervisor);
	}

}

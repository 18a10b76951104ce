package io.streamplane.engine.runtime;

import java.util.Optional;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamplane.engine.compile.PipelineCompiler;
import io.streamplane.engine.cdc.CdcCapture;
import io.streamplane.protocol.KafkaClientConfigs;
import io.streamplane.spec.SpecVersions;
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
		return (spec, counters, finalWindows) -> compiler.withFinalWindows(finalWindows).compile(spec, counters);
	}

	@Bean
	EngineIdentity engineIdentity(EngineProperties properties) {
		return EngineIdentity.of(properties);
	}

	@Bean
	CdcDemand cdcDemand(ObjectProvider<CdcCapture> capture) {
		return new CdcDemand(Optional.ofNullable(capture.getIfAvailable()));
	}

	@Bean
	PipelineSupervisor pipelineSupervisor(EngineProperties configured, EngineIdentity identity, KafkaProperties kafka,
			KafkaConnectionDetails connection, TopologyCompiler compiler, CdcDemand cdc,
			ObjectProvider<MeterRegistry> registry) {
		EngineProperties properties = configured.withInstanceId(identity.instanceId());
		KafkaClients clients = new KafkaClients(new KafkaClientConfigs(kafka, connection), properties.instanceId());
		EngineServices services = new EngineServices(properties, compiler,
				new StreamsSettings(clients.streams(), properties),
				new PipelineTopics(clients.admin("topics"), properties.replicationFactor()),
				registry.getIfAvailable(SimpleMeterRegistry::new),
				Executors.newCachedThreadPool(Thread.ofPlatform().name("sp-engine-lifecycle-", 1).factory()),
				Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sp-engine-timer").factory()),
				cdc::permanentFailure);
		return new PipelineSupervisor(services);
	}

	@Bean
	EngineLifecycle engineLifecycle(PipelineSupervisor supervisor, EngineProperties properties, EngineIdentity identity,
			KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<JsonMapper> json, CdcDemand cdc) {
		KafkaClients clients = new KafkaClients(new KafkaClientConfigs(kafka, connection), identity.instanceId());
		JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
		StatusReporter reporter = new StatusReporter(clients.producer("status", 5_000), mapper,
				identity.instanceId(), properties.statusInterval(), supervisor::snapshots, cdc::reports);
		DesiredStateReader reader = new DesiredStateReader(() -> clients.groupLessConsumer("desired-state"), mapper,
				new DesiredVersions(new SpecVersions(), desired -> {
					supervisor.apply(desired);
					cdc.accept(desired);
				}), cdc::caughtUp);
		return new EngineLifecycle(supervisor, reporter, reader);
	}

	@Bean
	PipelinesHealthContributor pipelinesHealthContributor(PipelineSupervisor supervisor) {
		return new PipelinesHealthContributor(supervisor);
	}

}

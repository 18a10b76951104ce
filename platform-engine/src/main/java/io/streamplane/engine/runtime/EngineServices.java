package io.streamplane.engine.runtime;

import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.spec.SpecReader;

/**
 * What every {@link PipelineRunner} of an engine instance shares.
 *
 * @param properties the engine configuration
 * @param specs reads the spec documents of desired states
 * @param compiler compiles specs to topologies
 * @param settings the Kafka Streams configuration of each pipeline version
 * @param topics creates and removes pipeline topics and consumer groups
 * @param registry where pipeline metrics are registered
 * @param control the single thread on which every pipeline lifecycle action runs
 */
record EngineServices(EngineProperties properties, SpecReader specs, TopologyCompiler compiler,
		StreamsSettings settings, PipelineTopics topics, MeterRegistry registry, ScheduledExecutorService control) {
}

package io.streamplane.engine.runtime;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every {@link PipelineRunner} of an engine instance shares.
 *
 * @param properties the engine configuration
 * @param compiler compiles specs to topologies
 * @param settings the Kafka Streams configuration of each pipeline version
 * @param topics creates and removes pipeline topics and consumer groups
 * @param registry where pipeline metrics are registered
 * @param workers the threads on which pipeline lifecycle actions run, through one
 * {@link SerialExecutor} per pipeline; unbounded, since closing and cleaning up block
 * @param timer schedules delayed actions (restarts, input checks, status ticks); its tasks only
 * hand work to a pipeline's {@link SerialExecutor} and never block
 * @param cdcFailures per pipeline, why the capture of one of its PostgreSQL tables failed permanently on
 * this instance, if it did
 */
record EngineServices(EngineProperties properties, TopologyCompiler compiler,
		StreamsSettings settings, PipelineTopics topics, MeterRegistry registry, ExecutorService workers,
		ScheduledExecutorService timer, Function<String, Optional<String>> cdcFailures) {
}

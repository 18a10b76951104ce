package io.streamplane.engine.runtime;

import java.util.List;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.engine.compile.PipelineCounters;

/**
 * The Micrometer counters of one pipeline, tagged {@code pipeline}:
 * {@code streamplane.pipeline.records.in}, {@code .records.out}, {@code .late} and
 * {@code .dead.letters}. They count since the pipeline started on this instance and are removed
 * when it is deleted. Kafka Streams' own metrics are bound per application by {@link PipelineApp}.
 */
final class PipelineMeters implements AutoCloseable {

	private final MeterRegistry registry;

	private final List<Meter> meters;

	PipelineMeters(MeterRegistry registry, String pipeline, PipelineCounters counters) {
		this.registry = registry;
		this.meters = List.of(
				counter(registry, "streamplane.pipeline.records.in", "Records read from input topics", pipeline,
						counters, PipelineCounters::recordsIn),
				counter(registry, "streamplane.pipeline.records.out", "Records written to output topics", pipeline,
						counters, PipelineCounters::recordsOut),
				counter(registry, "streamplane.pipeline.late", "Records that arrived after their window closed",
						pipeline, counters, PipelineCounters::lateRecords),
				counter(registry, "streamplane.pipeline.dead.letters", "Records written to the dead-letter topic",
						pipeline, counters, PipelineCounters::deadLetters));
	}

	private static Meter counter(MeterRegistry registry, String name, String description, String pipeline,
			PipelineCounters counters, ToLongFunction<PipelineCounters> count) {
		return FunctionCounter.builder(name, counters, c -> count.applyAsLong(c))
			.description(description)
			.baseUnit("records")
			.tag("pipeline", pipeline)
			.register(registry);
	}

	@Override
	public void close() {
		meters.forEach(registry::remove);
	}

}

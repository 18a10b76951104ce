package io.streamplane.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamplane.engine.compile.PipelineCounters;

/**
 * The Micrometer meters of one pipeline on this instance, tagged {@code pipeline}: the counters
 * {@code streamplane.pipeline.records.in}, {@code .records.out}, {@code .late} and
 * {@code .dead.letters} (since the pipeline started on this instance), the gauge
 * {@code streamplane.pipeline.state} (one per {@link RunState}, tagged {@code state}: 1 for the
 * current state, 0 for the others) and the gauge {@code streamplane.pipeline.lag} (records not yet
 * consumed on this instance's partitions). They are removed when the pipeline is deleted. Kafka
 * Streams' own metrics are bound per application by {@link PipelineApp}.
 */
final class PipelineMeters implements AutoCloseable {

	private final MeterRegistry registry;

	private final List<Meter> meters;

	PipelineMeters(MeterRegistry registry, String pipeline, PipelineCounters counters, Supplier<RunState> state,
			LongSupplier lag) {
		this.registry = registry;
		List<Meter> all = new ArrayList<>(List.of(
				counter(registry, "streamplane.pipeline.records.in", "Records read from input topics", pipeline,
						counters, PipelineCounters::recordsIn),
				counter(registry, "streamplane.pipeline.records.out", "Records written to output topics", pipeline,
						counters, PipelineCounters::recordsOut),
				counter(registry, "streamplane.pipeline.late", "Records that arrived after their window closed",
						pipeline, counters, PipelineCounters::lateRecords),
				counter(registry, "streamplane.pipeline.dead.letters", "Records written to the dead-letter topic",
						pipeline, counters, PipelineCounters::deadLetters)));
		for (RunState value : RunState.values()) {
			all.add(Gauge.builder("streamplane.pipeline.state", state, current -> current.get() == value ? 1 : 0)
				.description("1 for the pipeline's state on this instance, 0 for every other state")
				.tag("pipeline", pipeline)
				.tag("state", value.name())
				.strongReference(true)
				.register(registry));
		}
		all.add(Gauge.builder("streamplane.pipeline.lag", lag, LongSupplier::getAsLong)
			.description("Records of the pipeline's input partitions on this instance not yet consumed")
			.baseUnit("records")
			.tag("pipeline", pipeline)
			.strongReference(true)
			.register(registry));
		this.meters = List.copyOf(all);
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

package io.streamplane.engine.compile.internal.wiring;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A Kafka Streams {@link ProcessorWrapper} that runs a guard before every record any processor of
 * the topology processes; the guard throws to stop the run. Replays (preview) bound their work with
 * it: a record that fans out into millions inside one step is stopped at the budget, not after.
 * Configured by Kafka Streams from {@value #GUARD}, a {@link Runnable}.
 */
public final class GuardedProcessors implements ProcessorWrapper {

	/** The topology config key holding the guard, a {@link Runnable}. */
	public static final String GUARD = "streamplane.replay.guard";

	private Runnable guard = () -> {
	};

	@Override
	public void configure(Map<String, ?> configs) {
		if (configs.get(GUARD) instanceof Runnable configured) {
			guard = configured;
		}
	}

	@Override
	public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
			String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
		Runnable check = guard;
		return ProcessorWrapper.asWrapped(new ProcessorSupplier<>() {
			@Override
			public Processor<KIn, VIn, KOut, VOut> get() {
				Processor<KIn, VIn, KOut, VOut> processor = supplier.get();
				return new Processor<>() {
					@Override
					public void init(ProcessorContext<KOut, VOut> context) {
						processor.init(context);
					}

					@Override
					public void process(Record<KIn, VIn> record) {
						check.run();
						processor.process(record);
					}

					@Override
					public void close() {
						processor.close();
					}
				};
			}

			@Override
			public Set<StoreBuilder<?>> stores() {
				return supplier.stores();
			}
		});
	}

	@Override
	public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
			String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
		Runnable check = guard;
		return ProcessorWrapper.asWrappedFixedKey(new FixedKeyProcessorSupplier<>() {
			@Override
			public FixedKeyProcessor<KIn, VIn, VOut> get() {
				FixedKeyProcessor<KIn, VIn, VOut> processor = supplier.get();
				return new FixedKeyProcessor<>() {
					@Override
					public void init(FixedKeyProcessorContext<KIn, VOut> context) {
						processor.init(context);
					}

					@Override
					public void process(FixedKeyRecord<KIn, VIn> record) {
						check.run();
						processor.process(record);
					}

					@Override
					public void close() {
						processor.close();
					}
				};
			}

			@Override
			public Set<StoreBuilder<?>> stores() {
				return supplier.stores();
			}
		});
	}

}

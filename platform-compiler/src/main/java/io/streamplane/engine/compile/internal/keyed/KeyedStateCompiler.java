package io.streamplane.engine.compile.internal.keyed;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.WindowStateSerde;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.KeyedRepartition;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Step;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles the steps that keep per-key state ({@code dedupe}, {@code running}, {@code rolling},
 * {@code crossing}, {@code changes}): a repartition by key when the key changed, as for windows
 * ({@link KeyedRepartition}), then the step's
 * {@link KeyedOperator} over a persistent RocksDB store with a changelog topic. The key-value stores
 * ({@code running}, {@code rolling}, {@code crossing}, {@code changes}) sit behind a
 * {@link WriteBackStore} instead of the record cache, the window store of {@code dedupe} behind the
 * record cache; either way state reaches the changelog once per key per commit and is restored after
 * a restart or on another instance. Operators, stores and internal topics are named from the step's spec path,
 * e.g. {@code transforms.milestones.steps.1.state}.
 */
public final class KeyedStateCompiler {

	private final Compilation compilation;

	public KeyedStateCompiler(Compilation compilation) {
		this.compilation = compilation;
	}

	public Stream dedupe(Stream in, Step.Dedupe step, String path) {
		CelEvaluator by = step.by().map(CelEvaluator::of).orElse(null);
		String store = store(path);
		Duration retention = step.within().plus(in.lateness());
		StoreBuilder<?> seen = Stores.windowStoreBuilder(compilation.windowStore(store, retention, step.within(),
				false), Serdes.String(), Serdes.Long()).withCachingEnabled();
		return compile(in, path, "dedupe", seen, deadLetter -> new Dedupe(path, deadLetter, store, in.keyField(), by, step.within()));
	}

	public Stream running(Stream in, Step.Running step, String path) {
		AggregateInputs arguments = new AggregateInputs(step.aggregations());
		String store = store(path);
		long stateBytes = WriteBackStores.windowStateBytes(step.aggregations().size());
		StoreBuilder<?> states = WriteBackStores.of(compilation.keyValueStore(store),
				new WindowStateSerde(step.aggregations()), state -> stateBytes);
		return compile(in, path, "running",
				states, deadLetter -> new Running(path, deadLetter, store, in.keyField(), step.aggregations(), arguments));
	}

	public Stream rolling(Stream in, Step.Rolling step, String path) {
		AggregateInputs arguments = new AggregateInputs(step.aggregations());
		RollingStores stores = new RollingStores(store(path), Compilation.name(path, "stream-time"));
		return compile(in, path, "rolling", Rolling.NEED, stores.builders(compilation, step.aggregations()),
				deadLetter -> new Rolling(path, deadLetter, stores, step, in.lateness(), arguments,
						in.keyField()));
	}

	public Stream crossing(Stream in, Step.Crossing step, String path) {
		CelEvaluator value = CelEvaluator.of(step.value());
		String store = store(path);
		return compile(in, path, "crossing", lastValues(store),
				deadLetter -> new Crossing(path, deadLetter, store, in.keyField(), value, step.thresholds(), step.field()));
	}

	public Stream changes(Stream in, Step.Changes step, String path) {
		CelEvaluator of = CelEvaluator.of(step.of());
		String store = store(path);
		return compile(in, path, "changes", lastValues(store),
				deadLetter -> new Changes(path, deadLetter, store, in.keyField(), of, step.previous().orElse(null)));
	}

	private StoreBuilder<?> lastValues(String store) {
		return WriteBackStores.of(compilation.keyValueStore(store), StoredValue.serde(),
				value -> WriteBackStores.STORED_VALUE_BYTES);
	}

	private static String store(String path) {
		return Compilation.name(path, "state");
	}

	/**
	 * The step's operator after a repartition if needed; its output stays partitioned by key.
	 * @param operator makes an operator for the node name of its dead-letter child
	 */
	private Stream compile(Stream in, String path, String kind, StoreBuilder<?> store,
			Function<String, KeyedOperator<?>> operator) {
		return compile(in, path, kind, KeyedOperator.NEED, Set.of(store), operator);
	}

	/** @param need what the step does per key, for the reason a record without a key fails with */
	private Stream compile(Stream in, String path, String kind, String need, Set<StoreBuilder<?>> stores,
			Function<String, ? extends FixedKeyProcessor<String, Row, Row>> operator) {
		KStream<String, Row> records = KeyedRepartition.of(compilation, in, path, need);
		String name = Compilation.name(path, kind);
		String deadLetter = DeadLetters.child(name);
		KStream<String, Row> out = records.processValues(new KeyedStateSupplier(() -> operator.apply(deadLetter), stores),
				Named.as(name));
		return new Stream(DeadLetters.attach(compilation, out, name), false, in.lateness(), in.keyField());
	}

}

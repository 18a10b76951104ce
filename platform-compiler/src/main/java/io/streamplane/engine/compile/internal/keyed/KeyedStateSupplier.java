package io.streamplane.engine.compile.internal.keyed;

import java.util.Set;
import java.util.function.Supplier;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Supplies the operators of one per-key state step, one per task, with the step's state stores. */
final class KeyedStateSupplier implements FixedKeyProcessorSupplier<String, Row, Row> {

	private final Supplier<? extends FixedKeyProcessor<String, Row, Row>> operators;

	private final Set<StoreBuilder<?>> stores;

	/**
	 * @param operators makes an operator for a task
	 * @param stores build the state stores the operators read and write
	 */
	KeyedStateSupplier(Supplier<? extends FixedKeyProcessor<String, Row, Row>> operators, Set<StoreBuilder<?>> stores) {
		this.operators = operators;
		this.stores = Set.copyOf(stores);
	}

	@Override
	public FixedKeyProcessor<String, Row, Row> get() {
		return operators.get();
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return stores;
	}

}

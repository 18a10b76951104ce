package io.streamplane.engine.compile.internal.keyed;

import java.util.Set;
import java.util.function.Supplier;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Supplies the {@link KeyedOperator}s of one step, one per task, with the step's state store. */
final class KeyedStateSupplier implements FixedKeyProcessorSupplier<String, Row, Row> {

	private final Supplier<KeyedOperator<?>> operators;

	private final StoreBuilder<?> store;

	/**
	 * @param operators makes an operator for a task
	 * @param store builds the state store the operators read and write
	 */
	KeyedStateSupplier(Supplier<KeyedOperator<?>> operators, StoreBuilder<?> store) {
		this.operators = operators;
		this.store = store;
	}

	@Override
	public FixedKeyProcessor<String, Row, Row> get() {
		return operators.get();
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(store);
	}

}

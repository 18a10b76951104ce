package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.operator.RekeyingOperator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.JoinType;

/**
 * Before a lookup join of a stream: re-keys each event by its join key, so it is repartitioned to
 * the table's row. Events whose join key fails are dead-lettered; under an inner join an event
 * with a {@code null} join key never matches and is dropped. End-of-input markers pass.
 */
final class LookupKey extends RekeyingOperator {

	private final JoinKey joinKey;

	private final JoinType type;

	LookupKey(String path, String deadLetter, JoinKey joinKey, JoinType type) {
		super(path, deadLetter);
		this.joinKey = joinKey;
		this.type = type;
	}

	@Override
	protected void apply(String key, Row row, Output out) {
		String joinedOn = joinKey.of(key, row);
		if (joinedOn != null || type.keepsUnmatchedRows()) {
			out.accept(joinedOn, row);
		}
	}

}

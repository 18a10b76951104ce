package io.streamplane.spec.internal;

import java.util.Optional;

/**
 * The result of binding one part of a transform: the model object if the part is valid, and the
 * schema of the records after it, best effort even when the part is invalid, so the parts that
 * follow are still checked.
 */
record Bound<T>(Optional<T> value, Schema schema) {

	static <T> Bound<T> of(Optional<? extends T> value, Schema schema) {
		return new Bound<>(value.<T>map(present -> present), schema);
	}

}

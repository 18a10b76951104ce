package io.streamplane.engine.compile.internal.keyed;

import io.streamplane.engine.compile.internal.value.BinaryReader;
import io.streamplane.engine.compile.internal.value.BinaryWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The last value of a key held by a per-key step ({@link Changes}, {@link Crossing}); a record, so
 * that a stored {@code null} differs from no value at all.
 *
 * @param value a row value, possibly {@code null}
 */
public record StoredValue(Object value) {

	/** Serializes stored values for the state store and its changelog: one {@link BinaryWriter} value. */
	public static Serde<StoredValue> serde() {
		Serializer<StoredValue> serializer = (topic, stored) -> stored == null ? null
				: new BinaryWriter().writeValue(stored.value()).toByteArray();
		Deserializer<StoredValue> deserializer = (topic, bytes) -> bytes == null ? null
				: new StoredValue(new BinaryReader(bytes).readValue());
		return Serdes.serdeFrom(serializer, deserializer);
	}

}

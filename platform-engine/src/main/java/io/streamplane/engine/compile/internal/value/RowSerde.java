package io.streamplane.engine.compile.internal.value;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes rows on repartition topics in a compact binary form (see {@link BinaryWriter}): a
 * flags byte (origin key present, origin value present, end-of-input marker), the origin key and
 * value bytes as read, so that a record failing after a repartition is still dead-lettered as it
 * was read, then the fields in order. Failed rows are routed to the dead-letter topic before any
 * repartition and never serialized.
 */
public final class RowSerde implements Serde<Row> {

	private static final int KEY = 1;

	private static final int VALUE = 2;

	private static final int MARKER = 4;

	@Override
	public Serializer<Row> serializer() {
		return (topic, row) -> row == null ? null : write(row);
	}

	@Override
	public Deserializer<Row> deserializer() {
		return (topic, bytes) -> bytes == null ? null : read(new BinaryReader(bytes));
	}

	private static byte[] write(Row row) {
		Origin origin = row.origin();
		int flags = (origin.key() != null ? KEY : 0) | (origin.value() != null ? VALUE : 0) | (row.marker() ? MARKER : 0);
		BinaryWriter out = new BinaryWriter().writeByte(flags);
		if (origin.key() != null) {
			out.writeBytes(origin.key());
		}
		if (origin.value() != null) {
			out.writeBytes(origin.value());
		}
		return out.writeFields(row.fields()).toByteArray();
	}

	private static Row read(BinaryReader in) {
		int flags = in.readByte();
		byte[] key = (flags & KEY) != 0 ? in.readBytes() : null;
		byte[] value = (flags & VALUE) != 0 ? in.readBytes() : null;
		return Row.owning(in.readFields(), new Origin(key, value), (flags & MARKER) != 0);
	}

}

package io.streamplane.engine.compile.internal.interval;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Joins a record with a record of the other stream: its fields, then the other's; a field of the
 * other whose name the record already has is renamed {@code <stream>_<field>}, except the shared
 * join key (both sides' {@code on} naming the same field), which holds the same value on both
 * sides. The result keeps the record's origin, for dead letters.
 */
final class JoinedPairs implements ValueJoiner<Row, Row, Row> {

	private final String stream;

	private final String sharedKey;

	/**
	 * @param stream the other stream's name
	 * @param sharedKey the field both join keys name, or {@code null}
	 */
	JoinedPairs(String stream, String sharedKey) {
		this.stream = stream;
		this.sharedKey = sharedKey;
	}

	@Override
	public Row apply(Row left, Row right) {
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(left.fields().size() + right.fields().size());
		fields.putAll(left.fields());
		for (Map.Entry<String, Object> field : right.fields().entrySet()) {
			String name = field.getKey();
			if (!left.fields().containsKey(name)) {
				fields.put(name, field.getValue());
			}
			else if (!name.equals(sharedKey)) {
				fields.put(stream + "_" + name, field.getValue());
			}
		}
		return Row.owning(fields, left.origin(), false);
	}

}

package io.streamplane.engine.compile.internal.table;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Joins a row with a table row: the row's fields, then the table row's fields, a table field whose
 * name the row already has renamed {@code <table>_<field>}. Without a table row (a left join
 * without a match), the row alone. The result keeps the row's origin, for dead letters.
 */
final class JoinedRows implements ValueJoiner<Row, Row, Row> {

	private final String table;

	JoinedRows(String table) {
		this.table = table;
	}

	@Override
	public Row apply(Row left, Row right) {
		if (right == null) {
			return left;
		}
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(left.fields().size() + right.fields().size());
		fields.putAll(left.fields());
		for (Map.Entry<String, Object> field : right.fields().entrySet()) {
			String name = left.fields().containsKey(field.getKey()) ? table + "_" + field.getKey() : field.getKey();
			fields.put(name, field.getValue());
		}
		return Row.owning(fields, left.origin(), left.marker());
	}

}

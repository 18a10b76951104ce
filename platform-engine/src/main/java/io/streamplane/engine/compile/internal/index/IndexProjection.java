package io.streamplane.engine.compile.internal.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.streamplane.engine.compile.internal.operator.RowOperator;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.JsonValues;
import io.streamplane.engine.compile.internal.value.Origin;
import io.streamplane.engine.compile.internal.value.RecordException;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.value.Values;
import io.streamplane.spec.IndexText;
import io.streamplane.spec.VectorIndex;

/**
 * Projects a row of an indexed table to what the index holds of it: a row of the fields {@link #KEY} (the
 * primary key, field to value), {@link #TEXT} and {@link #METADATA} (fields the row has, {@code null} ones
 * left out). Applied to the table's changelog as a per-row step, so a delete passes and a row that fails (a
 * primary-key field missing or not a scalar, a text expression that fails or is not a string) is
 * dead-lettered and becomes a delete: the index never keeps a row the table no longer has as it was.
 */
final class IndexProjection extends RowOperator {

	static final String KEY = "key";

	static final String TEXT = "text";

	static final String METADATA = "metadata";

	private final VectorIndex index;

	private final CelEvaluator text;

	/**
	 * @param path the index's spec path, naming dead letters
	 * @param deadLetter the node name of the dead-letter child
	 */
	IndexProjection(VectorIndex index, String path, String deadLetter) {
		super(path, deadLetter);
		this.index = index;
		this.text = index.text() instanceof IndexText.Computed computed ? CelEvaluator.of(computed.expression()) : null;
	}

	@Override
	public void apply(String key, Row row, Consumer<Row> out) {
		LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
		fields.put(KEY, key(row));
		fields.put(TEXT, text(key, row));
		fields.put(METADATA, metadata(row));
		out.accept(Row.of(fields, Origin.none()));
	}

	private Map<String, Object> key(Row row) {
		Map<String, Object> key = new LinkedHashMap<>();
		for (String field : index.key()) {
			Object value = Values.normalize(row.fields().get(field));
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
				throw new RecordException("primary-key field '" + field + "' of index '" + index.name() + "' must be a " +
						"string, number or bool, got " + JsonValues.describe(value) + "; every row needs its primary key");
			}
			key.put(field, value);
		}
		return key;
	}

	private String text(String key, Row row) {
		return switch (index.text()) {
			case IndexText.Computed computed -> {
				Object value = text.value(key, row);
				if (value != null && !(value instanceof String)) {
					throw new RecordException("the text of index '" + index.name() + "', \"" + text.text() +
							"\", must be a string, got " + JsonValues.describe(value));
				}
				yield value == null ? "" : (String) value;
			}
			case IndexText.Fields fields -> joined(fields.fields(), row);
		};
	}

	private static String joined(List<String> fields, Row row) {
		StringBuilder text = new StringBuilder();
		for (String field : fields) {
			Object value = row.fields().get(field);
			if (value == null) {
				continue;
			}
			if (!text.isEmpty()) {
				text.append(IndexText.Fields.SEPARATOR);
			}
			text.append(value instanceof String string ? string : JsonValues.toJson(value).toString());
		}
		return text.toString();
	}

	private Map<String, Object> metadata(Row row) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (String field : index.metadata()) {
			Object value = row.fields().get(field);
			if (value != null) {
				metadata.put(field, value);
			}
		}
		return metadata;
	}

}

package io.streamplane.engine.compile.internal.interval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Row;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Joins a record with a record of the other stream: its fields, then the other's; a field of the
 * other whose name the record already has is renamed {@code <stream>_<field>}, except the shared
 * join key (both sides' {@code on} naming the same field), which holds the same value on both
 * sides. Under a left, right or full join either side may be missing ({@code null}): its declared
 * fields are then {@code null}, named as in a pair, and the shared join key takes the present
 * side's value. The result keeps the present record's origin, for dead letters.
 */
final class JoinedPairs implements ValueJoiner<Row, Row, Row> {

	private final String stream;

	private final String sharedKey;

	private final Map<String, Object> thisNulls;

	private final Map<String, Object> otherNulls;

	/**
	 * @param stream the other stream's name
	 * @param sharedKey the field both join keys name, or {@code null}
	 * @param thisFields this stream's declared fields, {@code null} in an other record without a match
	 * @param otherFields the other stream's declared fields, {@code null} in a record without a match
	 */
	JoinedPairs(String stream, String sharedKey, List<String> thisFields, List<String> otherFields) {
		this.stream = stream;
		this.sharedKey = sharedKey;
		this.thisNulls = nulls(thisFields);
		this.otherNulls = nulls(otherFields);
	}

	@Override
	public Row apply(Row left, Row right) {
		Map<String, Object> leftFields = left == null ? thisNulls : left.fields();
		Map<String, Object> rightFields = right == null ? otherNulls : right.fields();
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(leftFields.size() + rightFields.size());
		fields.putAll(leftFields);
		for (Map.Entry<String, Object> field : rightFields.entrySet()) {
			String name = field.getKey();
			if (!leftFields.containsKey(name)) {
				fields.put(name, field.getValue());
			}
			else if (!name.equals(sharedKey)) {
				fields.put(stream + "_" + name, field.getValue());
			}
			else if (left == null) {
				fields.put(name, field.getValue());
			}
		}
		Row present = left == null ? right : left;
		return Row.owning(fields, present.origin(), false);
	}

	private static Map<String, Object> nulls(List<String> fields) {
		LinkedHashMap<String, Object> nulls = LinkedHashMap.newLinkedHashMap(fields.size());
		fields.forEach(field -> nulls.put(field, null));
		return nulls;
	}

}

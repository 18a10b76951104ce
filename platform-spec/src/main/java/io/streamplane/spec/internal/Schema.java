package io.streamplane.spec.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/**
 * What validation knows about the records of a stream at one point of a pipeline: their fields
 * with CEL types, whether records may carry other fields too, and which field holds the key.
 *
 * @param fields the known fields in order
 * @param open whether records may carry fields beyond {@code fields} (no schema declared): unknown
 * names are then typed {@code dyn} instead of rejected
 * @param keyField the field set by the last {@code keyBy}, or {@code null}
 */
record Schema(Map<String, CelType> fields, boolean open, String keyField) {

	Schema {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** Records with any fields, none known. */
	static Schema dynamic() {
		return new Schema(Map.of(), true, null);
	}

	/** Records with exactly these fields. */
	static Schema closed(Map<String, CelType> fields) {
		return new Schema(fields, false, null);
	}

	/** The type of a field; {@code dyn} for an unknown field of an open schema; empty if undeclared. */
	Optional<CelType> type(String field) {
		CelType type = fields.get(field);
		if (type != null) {
			return Optional.of(type);
		}
		return open ? Optional.of(SimpleType.DYN) : Optional.empty();
	}

	Schema with(String field, CelType type) {
		Map<String, CelType> copy = new LinkedHashMap<>(fields);
		copy.put(field, type);
		return new Schema(copy, open, keyField);
	}

	Schema keyedBy(String field, CelType type) {
		Schema withField = with(field, type);
		return new Schema(withField.fields, open, field);
	}

	/** Exactly the given fields; an open schema becomes closed, unknown fields typed {@code dyn}. */
	Schema select(List<String> names) {
		Map<String, CelType> selected = new LinkedHashMap<>();
		for (String name : names) {
			type(name).ifPresent(type -> selected.put(name, type));
		}
		return new Schema(selected, false, names.contains(keyField) ? keyField : null);
	}

	/** The union of several inputs; a field typed differently in two inputs becomes {@code dyn}. */
	static Schema merge(List<Schema> inputs) {
		if (inputs.size() == 1) {
			return inputs.getFirst();
		}
		Map<String, CelType> union = new LinkedHashMap<>();
		boolean open = false;
		for (Schema input : inputs) {
			open |= input.open;
			input.fields.forEach((name, type) -> union.merge(name, type,
					(left, right) -> left.equals(right) ? left : SimpleType.DYN));
		}
		return new Schema(union, open, null);
	}

}

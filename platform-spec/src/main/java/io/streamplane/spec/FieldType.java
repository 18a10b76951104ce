package io.streamplane.spec;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;

/**
 * The type of a record field declared in a source's {@code fields} schema, written in lower case,
 * e.g. {@code amount: double}. Each maps to the CEL type expressions see.
 */
public enum FieldType {

	/** A JSON string; CEL {@code string}. */
	STRING(SimpleType.STRING),

	/** A JSON integer; CEL {@code int} (64-bit). */
	INT(SimpleType.INT),

	/** A JSON number; CEL {@code double}. */
	DOUBLE(SimpleType.DOUBLE),

	/** A JSON boolean; CEL {@code bool}. */
	BOOL(SimpleType.BOOL),

	/** An ISO-8601 string in JSON; CEL {@code google.protobuf.Timestamp}. */
	TIMESTAMP(SimpleType.TIMESTAMP),

	/** A JSON array of any values; CEL {@code list(dyn)}. */
	LIST(ListType.create(SimpleType.DYN)),

	/** A JSON object; CEL {@code map(string, dyn)}. */
	MAP(MapType.create(SimpleType.STRING, SimpleType.DYN)),

	/** Any JSON value, checked only when evaluated; CEL {@code dyn}. */
	ANY(SimpleType.DYN);

	private final CelType celType;

	FieldType(CelType celType) {
		this.celType = celType;
	}

	/** The CEL type under which expressions see a field of this type. */
	public CelType celType() {
		return celType;
	}

}

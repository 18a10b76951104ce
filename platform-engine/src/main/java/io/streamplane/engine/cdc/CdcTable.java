package io.streamplane.engine.cdc;

import java.util.regex.Pattern;

/**
 * A PostgreSQL table whose changes are captured. Its change events land on {@link #topic()}; its
 * replication slot and publication are both named {@link #slotName()}.
 *
 * @param schema the schema, e.g. {@code public}
 * @param table the table name, e.g. {@code users}
 */
public record CdcTable(String schema, String table) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/** The prefix of every CDC topic, slot and publication. */
	public static final String TOPIC_PREFIX = "sp.cdc.";

	public CdcTable {
		requireName("schema", schema);
		requireName("table", table);
	}

	/**
	 * Parses {@code schema.table}; a name without a schema is in {@code public}.
	 * @throws IllegalArgumentException when a part is not a lower-case unquoted PostgreSQL identifier
	 */
	public static CdcTable parse(String qualifiedName) {
		String name = qualifiedName == null ? "" : qualifiedName.strip();
		int dot = name.indexOf('.');
		return dot < 0 ? new CdcTable("public", name) : new CdcTable(name.substring(0, dot), name.substring(dot + 1));
	}

	/** The topic of this table's change events: {@code sp.cdc.<schema>.<table>}. */
	public String topic() {
		return TOPIC_PREFIX + schema + "." + table;
	}

	/**
	 * The replication slot and publication of this table: {@code sp_cdc_<schema>_<table>}, cut to
	 * PostgreSQL's 63 characters with a hash suffix when longer.
	 */
	public String slotName() {
		String name = "sp_cdc_" + schema + "_" + table;
		if (name.length() <= 63) {
			return name;
		}
		String hash = Integer.toHexString(qualifiedName().hashCode());
		return name.substring(0, 62 - hash.length()) + "_" + hash;
	}

	/** {@code schema.table}. */
	public String qualifiedName() {
		return schema + "." + table;
	}

	@Override
	public String toString() {
		return qualifiedName();
	}

	private static void requireName(String part, String value) {
		if (value == null || !NAME.matcher(value).matches()) {
			throw new IllegalArgumentException("CDC table " + part + " '" + value
					+ "' must be a lower-case PostgreSQL identifier (letters, digits, '_'; at most 63), e.g. public.users");
		}
	}

}

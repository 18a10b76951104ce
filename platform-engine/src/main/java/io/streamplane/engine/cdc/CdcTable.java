package io.streamplane.engine.cdc;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.Table;
import io.streamplane.spec.TableSource;

/**
 * A PostgreSQL table whose changes are captured. Its change events land on {@link #topic()}; its
 * replication slot and publication are both named {@link #slotName()}.
 *
 * @param schema the schema, e.g. {@code public}
 * @param table the table name, e.g. {@code users}
 */
public record CdcTable(String schema, String table) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	/** The prefix of every CDC topic, slot and publication. */
	public static final String TOPIC_PREFIX = "sp.cdc.";

	public CdcTable {
		requireName("schema", schema);
		requireName("table", table);
	}

	/**
	 * Parses {@code schema.table}; a name without a schema is in {@code public}. Names are taken
	 * as written (quoted, so case-sensitive), as in a pipeline spec's {@code postgresCdc.table}.
	 * @throws IllegalArgumentException when a part is not a letter or '_' then letters, digits or '_'
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
	 * The replication slot and publication of this table: {@code sp_cdc_<schema>_<table>} in lower
	 * case (slot names allow only lower-case letters, digits and '_'), with a hash suffix when the
	 * name has upper-case letters or is longer than PostgreSQL's 63 characters, so that distinct
	 * tables never share a slot.
	 */
	public String slotName() {
		String name = "sp_cdc_" + schema + "_" + table;
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.equals(name) && name.length() <= 63) {
			return name;
		}
		String hash = Integer.toHexString(qualifiedName().hashCode());
		return lower.substring(0, Math.min(lower.length(), 62 - hash.length())) + "_" + hash;
	}

	/**
	 * The tables a pipeline reads through CDC ({@code tables: { x: { postgresCdc: ... } }}).
	 */
	public static Set<CdcTable> demandedBy(PipelineSpec spec) {
		Set<CdcTable> tables = new LinkedHashSet<>();
		for (Table table : spec.tables().values()) {
			if (table.source() instanceof TableSource.PostgresCdc cdc) {
				tables.add(new CdcTable(cdc.schema(), cdc.table()));
			}
		}
		return tables;
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
					+ "' must be a letter or '_' then letters, digits or '_' (at most 63), e.g. public.users");
		}
	}

}

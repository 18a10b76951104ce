package io.streamplane.engine.compile.internal.table;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cel.common.ast.CelExpr;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.spec.Step;
import io.streamplane.spec.Table;
import org.apache.kafka.streams.kstream.ValueJoiner;

/**
 * Joins a row with a table row: the row's fields, then the table row's fields. A primary-key field
 * of the table that the join's {@code on} names as a field of the row ({@code on: customer_id}
 * joining a table keyed by {@code customer_id}, or {@code on: "[customer_id, region]"}) holds the
 * same value on both sides, so the row's field stands for both and keeps its name. Any other table
 * field whose name the row already has is renamed {@code <table>_<field>}. Without a table row (a
 * left join without a match), the row alone; without a row (a table row that no row matches, in a
 * right or full join), the table row alone, its fields named as they are since no row's fields
 * clash with them. The result keeps the row's origin, for dead letters.
 */
final class JoinedRows implements ValueJoiner<Row, Row, Row> {

	private final String table;

	private final Set<String> sharedKeys;

	private JoinedRows(String table, Set<String> sharedKeys) {
		this.table = table;
		this.sharedKeys = Set.copyOf(sharedKeys);
	}

	/** The joiner of {@code join} with {@code table}, the table it names. */
	static JoinedRows of(Step.Join join, Table table) {
		return new JoinedRows(join.table(), sharedKeys(join, table.primaryKey()));
	}

	@Override
	public Row apply(Row left, Row right) {
		if (right == null) {
			return left;
		}
		if (left == null) {
			return right;
		}
		LinkedHashMap<String, Object> fields = LinkedHashMap.newLinkedHashMap(left.fields().size() + right.fields().size());
		fields.putAll(left.fields());
		for (Map.Entry<String, Object> field : right.fields().entrySet()) {
			String name = field.getKey();
			if (!left.fields().containsKey(name)) {
				fields.put(name, field.getValue());
			}
			else if (!sharedKeys.contains(name)) {
				fields.put(table + "_" + name, field.getValue());
			}
		}
		return Row.owning(fields, left.origin(), left.marker());
	}

	/** This joiner with its arguments the other way round: the table row, then the row. */
	ValueJoiner<Row, Row, Row> swapped() {
		return (right, left) -> apply(left, right);
	}

	/** The primary-key fields that {@code on} reads from the row's field of the same name, in key position. */
	private static Set<String> sharedKeys(Step.Join join, List<String> primaryKey) {
		CelExpr on = join.on().ast().getExpr();
		List<CelExpr> parts = on.getKind() == CelExpr.ExprKind.Kind.LIST ? on.list().elements() : List.of(on);
		Set<String> shared = new LinkedHashSet<>();
		for (int i = 0; i < parts.size() && i < primaryKey.size(); i++) {
			CelExpr part = parts.get(i);
			if (parts.size() == primaryKey.size() && part.getKind() == CelExpr.ExprKind.Kind.IDENT
					&& part.ident().name().equals(primaryKey.get(i))) {
				shared.add(primaryKey.get(i));
			}
		}
		return shared;
	}

}

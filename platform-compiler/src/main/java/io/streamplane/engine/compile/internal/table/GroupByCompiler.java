package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.group.GroupFolder;
import io.streamplane.engine.compile.internal.group.GroupInput;
import io.streamplane.engine.compile.internal.group.GroupState;
import io.streamplane.engine.compile.internal.group.GroupStateSerde;
import io.streamplane.engine.compile.internal.operator.Filter;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.DecimalCheck;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.spec.Step;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;

/**
 * Compiles a {@code groupBy} over a table's changelog on Kafka Streams' own reactive aggregation,
 * {@code KTable.groupBy(selector).aggregate(initializer, adder, subtractor)}: each row is prepared
 * ({@link GroupInput}: its group and its aggregates' inputs, failures dead-lettered), materialized
 * ({@code <path>.group-input.rows}), re-keyed by group through the repartition topic
 * {@code <path>.group-repartition}, and folded into the store {@code <path>.groups}. When a row
 * changes, Kafka Streams takes its old version out of its old group and adds the new one to its new
 * group; a delete only takes it out. The store of groups keeps Kafka Streams' record cache: the
 * changes of a group within a commit interval reach the output as one, as in a hand-written
 * {@code count()}. The result is the changelog of the groups, keyed by group: a
 * group without rows, or one {@code having} is false for, is a delete, which an output writes as a
 * retraction; so is a group whose decimal aggregate overflowed its precision ({@link DecimalCheck},
 * dead-lettered), until a change brings it back in range.
 */
final class GroupByCompiler {

	private final Compilation compilation;

	private final ChangelogCompiler changelogs;

	GroupByCompiler(Compilation compilation, ChangelogCompiler changelogs) {
		this.compilation = compilation;
		this.changelogs = changelogs;
	}

	KStream<String, Row> compile(KStream<String, Row> changelog, Step.GroupBy step, String path) {
		AggregateInputs inputs = new AggregateInputs(step.aggregations());
		KStream<String, Row> prepared = changelogs.perRow(changelog, path, "group-input",
				deadLetter -> new GroupInput(path, deadLetter, step.by(), inputs));
		KTable<String, Row> rows = Tables.materialize(compilation, prepared, Compilation.name(path, "group-input"));
		GroupFolder folder = new GroupFolder(step);
		KTable<String, GroupState> groups = rows
			.groupBy((key, row) -> KeyValue.pair(folder.key(row), row),
					Grouped.with(Compilation.name(path, "group"), Serdes.String(), compilation.rows()))
			.aggregate(folder::initial, folder::add, folder::remove, Named.as(Compilation.name(path, "aggregate")),
					Materialized.<String, GroupState>as(compilation.keyValueStore(Compilation.name(path, "groups")))
						.withKeySerde(Serdes.String())
						.withValueSerde(new GroupStateSerde(step.aggregations())));
		KStream<String, Row> results = groups.toStream(Named.as(Compilation.name(path, "changes")))
			.mapValues(folder::row, Named.as(Compilation.name(path, "result")));
		if (DecimalCheck.needed(step.aggregations())) {
			results = changelogs.perRow(results, path, "decimals",
					deadLetter -> new DecimalCheck(path, deadLetter, step.aggregations()));
		}
		if (step.having().isEmpty()) {
			return results;
		}
		CelEvaluator having = CelEvaluator.of(step.having().get());
		return changelogs.perRow(results, path, "having", deadLetter -> new Filter(path, deadLetter, having));
	}

}

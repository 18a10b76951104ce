package io.streamplane.engine.compile.internal.table;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rows of a joined table that no left row matches, for a {@code right} or {@code full} join
 * on a foreign key, which Kafka Streams' foreign-key join does not offer. The left rows are counted
 * per join key with Kafka Streams' reactive group-by ({@code KTable.groupBy(...).count()}), so a row
 * whose key changes moves from one count to the other and a deleted row leaves its count; the table
 * joined with these counts on its primary key gives a row for each table row whose count is absent
 * or zero, and a delete once a left row refers to it or it goes. The result is keyed
 * {@code <table>/<key>}, so that it does not take the key of a left row, and repartitioned by that
 * key, as every changelog is partitioned by its key.
 */
final class UnmatchedTableRows {

	private UnmatchedTableRows() {
	}

	/**
	 * The changelog of the rows of {@code right}, named {@code table}, that no row of {@code left}
	 * refers to by {@code key}.
	 */
	static KStream<String, Row> of(Compilation compilation, KTable<String, Row> left, KTable<String, Row> right,
			String table, JoinKey key, String path) {
		KTable<String, Long> references = left
			.filter((leftKey, row) -> key.of(leftKey, row) != null, Named.as(Compilation.name(path, "referring")))
			.groupBy((leftKey, row) -> KeyValue.pair(key.of(leftKey, row), row),
					Grouped.with(Compilation.name(path, "references"), Serdes.String(), compilation.rows()))
			.count(Named.as(Compilation.name(path, "count-references")),
					Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(Compilation.name(path, "references"))
						.withKeySerde(Serdes.String())
						.withValueSerde(Serdes.Long())
						.withCachingDisabled());
		return right
			.leftJoin(references, (row, count) -> count == null || count == 0 ? row : null,
					Named.as(Compilation.name(path, "unmatched")))
			.toStream(Named.as(Compilation.name(path, "unmatched-changes")))
			.selectKey((rightKey, row) -> table + "/" + rightKey, Named.as(Compilation.name(path, "unmatched-key")))
			.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "unmatched"))
				.withKeySerde(Serdes.String())
				.withValueSerde(compilation.rows()));
	}

}

package io.streamplane.engine.compile.internal.table;

import java.util.HashMap;
import java.util.Map;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.spec.Table;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tables of a pipeline during compilation. Each table's topic is read by a {@link TableReader}
 * and repartitioned by the row key ({@code tables.<name>.by-key}): the topic's own partitioning
 * follows whatever key its writer chose ({@code {"id": 7}} for CDC), while joins need rows
 * partitioned by the canonical {@link TableKeys key}. The changelog (rows, {@code null} for
 * deletes) and its materialized table ({@code tables.<name>.rows}) are built once, on first use.
 */
public final class Tables {

	private final Compilation compilation;

	private final Map<String, Table> specs;

	private final Map<String, KStream<String, Row>> changelogs = new HashMap<>();

	private final Map<String, KTable<String, Row>> tables = new HashMap<>();

	public Tables(Compilation compilation, Map<String, Table> specs) {
		this.compilation = compilation;
		this.specs = specs;
	}

	/** The table named {@code name}. */
	Table spec(String name) {
		return specs.get(name);
	}

	/** The changelog of the table named {@code name}, keyed and partitioned by row key. */
	public KStream<String, Row> changelog(String name) {
		return changelogs.computeIfAbsent(name, this::read);
	}

	/** The table named {@code name}, materialized. */
	KTable<String, Row> table(String name) {
		return tables.computeIfAbsent(name, ignored -> materialize(compilation, changelog(name), "tables." + name));
	}

	/** A changelog materialized as a table in the store {@code <path>.rows}, without a record cache. */
	static KTable<String, Row> materialize(Compilation compilation, KStream<String, Row> changelog, String path) {
		return changelog.toTable(Named.as(Compilation.name(path, "table")), materialized(compilation, path));
	}

	/** How a table at {@code path} is stored: the store {@code <path>.rows}, no cache, so every change flows on. */
	static Materialized<String, Row, KeyValueStore<Bytes, byte[]>> materialized(Compilation compilation, String path) {
		return Materialized.<String, Row, KeyValueStore<Bytes, byte[]>>as(Compilation.name(path, "rows"))
			.withKeySerde(Serdes.String())
			.withValueSerde(compilation.rows())
			.withCachingDisabled();
	}

	private KStream<String, Row> read(String name) {
		Table table = specs.get(name);
		String path = "tables." + name;
		String read = Compilation.name(path, "read");
		KStream<String, Row> parsed = compilation.builder()
			.stream(table.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
				.withName(Compilation.name(path, "topic")))
			.process(() -> new TableReader(table, compilation, DeadLetters.child(read)), Named.as(read));
		return DeadLetters.attach(compilation, parsed, read)
			.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "by-key"))
				.withKeySerde(Serdes.String())
				.withValueSerde(compilation.rows()));
	}

}

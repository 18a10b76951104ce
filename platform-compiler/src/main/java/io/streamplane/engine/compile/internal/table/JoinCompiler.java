package io.streamplane.engine.compile.internal.table;

import java.util.function.BiFunction;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.JoinType;
import io.streamplane.spec.Step;
import io.streamplane.spec.Table;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles {@code join} steps, all on Kafka Streams' own joins:
 * <ul>
 * <li>a table with a table on its primary key (the first step of a transform reading the table,
 * {@code on} its single primary-key field): the table join ({@code KTable.join}, {@code leftJoin},
 * {@code outerJoin}, and for a right join the table's {@code leftJoin} of the left), both tables
 * being partitioned by key;</li>
 * <li>a table with a table otherwise: the foreign-key table join ({@code KTable.join(other, extractor,
 * joiner)}), which re-emits a result row when either side changes, also when a row's join key
 * changes, and deletes it when either side's row goes; a right or full join adds the
 * {@link UnmatchedTableRows table rows that no row matches};</li>
 * <li>a stream, reactively: the events are repartitioned by join key and met with their table row
 * by the stream–table join, which makes the two sides co-partitioned; beside it, each event is
 * remembered under its join key and {@link EventIdentity identity}, and a change of a table row
 * re-emits, and a delete retracts, exactly the events remembered under its key (pipeline versions
 * started by engines before issue 14 keep their layout: events keyed by identity, joined like a
 * table by the foreign-key join);</li>
 * <li>a stream, as a lookup: the stream–table join ({@code KStream.join(table)}) after re-keying by
 * the join key, which Kafka Streams repartitions: plain enrichment, the same operators as a
 * hand-written join (in preview, end-of-input markers go around the join, which would drop them);
 * {@code on: key} on a stream still keyed as its topic is joined without re-keying or
 * repartitioning.</li>
 * </ul>
 * Join keys are checked before the join, so a bad one is dead-lettered rather than failing the task.
 */
public final class JoinCompiler {

	/** The expression of a join on the record key. */
	private static final String RECORD_KEY = "key";

	private final Compilation compilation;

	private final Tables tables;

	public JoinCompiler(Compilation compilation, Tables tables) {
		this.compilation = compilation;
		this.tables = tables;
	}

	/**
	 * Joins a table with a table on the left's primary key; the result's changelog, keyed by that key,
	 * which both sides share (a table row that no row matches keeps its own key).
	 */
	public KStream<String, Row> primaryKey(String left, Step.Join join, String path) {
		JoinedRows joiner = JoinedRows.of(join, tables.spec(join.table()));
		Named named = Named.as(Compilation.name(path, "join"));
		Materialized<String, Row, KeyValueStore<Bytes, byte[]>> joined = Tables.materialized(compilation,
				Compilation.name(path, "joined"));
		KTable<String, Row> leftTable = tables.table(left);
		KTable<String, Row> right = tables.table(join.table());
		KTable<String, Row> result = switch (join.type()) {
			case INNER -> leftTable.join(right, joiner, named, joined);
			case LEFT -> leftTable.leftJoin(right, joiner, named, joined);
			case RIGHT -> right.leftJoin(leftTable, joiner.swapped(), named, joined);
			case FULL -> leftTable.outerJoin(right, joiner, named, joined);
		};
		return result.toStream(Named.as(Compilation.name(path, "changes")));
	}

	/** Whether {@code join}, as the first step of a transform reading {@code table}, joins on its primary key. */
	public static boolean onPrimaryKey(Table table, Step.Join join) {
		return table.primaryKey().size() == 1 && join.on().text().strip().equals(table.primaryKey().getFirst());
	}

	/** Joins a table's changelog with a table; the result's changelog, keyed by the left row key. */
	KStream<String, Row> table(KStream<String, Row> changelog, Step.Join join, String path) {
		JoinKey key = new JoinKey(join, tables.spec(join.table()));
		String check = Compilation.name(path, "join-key");
		KStream<String, Row> checked = changelog.processValues(
				() -> new JoinKeyCheck(path, DeadLetters.child(check), key, join.type()), Named.as(check));
		DeadLetters.attach(compilation, checked, check);
		return join(Tables.materialize(compilation, checked, Compilation.name(path, "left")), join, key, path);
	}

	/**
	 * Joins a stream with a table reactively; the result's changelog, keyed by event identity. The
	 * events are repartitioned by join key, as the table is by its key, and met with their row by the
	 * stream–table join; in that one sub-topology {@link RememberedEvents} keeps each event under its
	 * join key and identity and emits its result, and {@link ReplayedEvents} re-emits the events of a
	 * table row when it changes. {@code on: key} on a stream still keyed as its topic is joined without
	 * re-keying or repartitioning, as a lookup is. A pipeline version whose state an engine before issue 14 created (its
	 * changelog of remembered events by identity exists) keeps {@link #reactiveByIdentity that layout}.
	 * @param retracting whether each re-emitted result is preceded by the event's old result, marked as a
	 *        {@link Retraction} and recomputed from the event and the table row it was last joined with (kept
	 *        beside the events), so that an output needs no store of the rows it emitted; only for results that
	 *        reach outputs through per-row steps, and ignored in the layout before issue 14
	 */
	public KStream<String, Row> reactive(Stream in, Step.Join join, String path, boolean retracting) {
		if (remembersByIdentity(path)) {
			return reactiveByIdentity(in, join, path);
		}
		KStream<String, Row> byJoinKey = joinsOnItsKey(in, join)
				? in.records().processValues(() -> new EventIdentityInPlace(join.type()),
						Named.as(Compilation.name(path, "identify")))
				: byJoinKey(in, join, path);
		String store = Compilation.name(path, "remembered-by-key");
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(store),
				Serdes.String(), compilation.rows()));
		JoinedRows joiner = JoinedRows.of(join, tables.spec(join.table()));
		KStream<String, Row> joined = byJoinKey
			.leftJoin(tables.table(join.table()), EventMatch::new,
					Joined.with(Serdes.String(), compilation.rows(), compilation.rows())
						.withName(Compilation.name(path, "lookup")))
			.process(() -> new RememberedEvents(store, joiner, join.type(), retracting),
					Named.as(Compilation.name(path, "remember")), store);
		KStream<String, Row> replayed = tables.changelog(join.table())
			.process(() -> retracting ? ReplayedEvents.retracting(store, joiner, join.type())
					: ReplayedEvents.replacing(store, joiner, join.type()), Named.as(Compilation.name(path, "replay")), store);
		return joined.merge(replayed, Named.as(Compilation.name(path, "changes")));
	}

	private KStream<String, Row> byJoinKey(Stream in, Step.Join join, String path) {
		JoinKey key = new JoinKey(join, tables.spec(join.table()));
		String identify = Compilation.name(path, "identify");
		KStream<String, Row> events = in.records().process(
				() -> EventIdentity.byJoinKey(path, DeadLetters.child(identify), key, join.type()), Named.as(identify));
		return DeadLetters.attach(compilation, events, identify)
			.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "by-join-key"))
				.withKeySerde(Serdes.String())
				.withValueSerde(compilation.rows()));
	}

	/**
	 * Whether the reactive join at {@code path} ran before in the layout of engines before issue 14:
	 * the changelog of its events by identity, or their repartition topic, exists.
	 */
	public boolean remembersByIdentity(String path) {
		String remembered = Compilation.name(Compilation.name(path, "remembered"), "rows") + "-changelog";
		String events = Compilation.name(path, "events") + "-repartition";
		return compilation.existing().hasInternalTopic(remembered) || compilation.existing().hasInternalTopic(events);
	}

	/**
	 * The reactive join of engines before issue 14, kept for pipeline versions whose state has its
	 * layout: each event becomes a row of a table of remembered events, keyed by its identity and
	 * repartitioned by it, joined with the table by Kafka Streams' foreign-key join.
	 */
	private KStream<String, Row> reactiveByIdentity(Stream in, Step.Join join, String path) {
		JoinKey key = new JoinKey(join, tables.spec(join.table()));
		String identify = Compilation.name(path, "identify");
		KStream<String, Row> events = in.records().process(
				() -> EventIdentity.byIdentity(path, DeadLetters.child(identify), key, join.type()), Named.as(identify));
		KStream<String, Row> remembered = DeadLetters.attach(compilation, events, identify)
			.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "events"))
				.withKeySerde(Serdes.String())
				.withValueSerde(compilation.rows()));
		return join(Tables.materialize(compilation, remembered, Compilation.name(path, "remembered")), join, key, path);
	}

	/** Joins a stream with a table as a lookup: enriched events, keyed by their join key. */
	public Stream lookup(Stream in, Step.Join join, String path) {
		KStream<String, Row> keyed = joinsOnItsKey(in, join) ? in.records() : keyedByJoinKey(in, join, path);
		Joined<String, Row, Row> joined = Joined.with(Serdes.String(), compilation.rows(), compilation.rows())
			.withName(Compilation.name(path, "lookup"));
		KTable<String, Row> table = tables.table(join.table());
		JoinedRows joiner = JoinedRows.of(join, tables.spec(join.table()));
		if (!compilation.endOfInputMarkers()) {
			return in.rekeyed(join.type() == JoinType.INNER ? keyed.join(table, joiner, joined)
					: keyed.leftJoin(table, joiner, joined), null);
		}
		KStream<String, Row> markers = keyed.filter((k, row) -> row.marker(), Named.as(Compilation.name(path, "markers")));
		KStream<String, Row> events = keyed.filterNot((k, row) -> row.marker(), Named.as(Compilation.name(path, "events")));
		KStream<String, Row> enriched = join.type() == JoinType.INNER ? events.join(table, joiner, joined)
				: events.leftJoin(table, joiner, joined);
		return in.rekeyed(enriched.merge(markers, Named.as(Compilation.name(path, "with-markers"))), null);
	}

	/**
	 * Whether a lookup or reactive join can take the records as they are: {@code on: key} on a stream still keyed and
	 * partitioned as its topic (no {@code key:} or {@code keyBy} upstream), outside preview. Then
	 * nothing is repartitioned, as in a hand-written {@code KStream.join(KTable)}, which assumes the
	 * same: the topic is partitioned by its key with Kafka's default partitioner.
	 */
	private boolean joinsOnItsKey(Stream in, Step.Join join) {
		return !in.needsRepartition() && !compilation.endOfInputMarkers()
				&& RECORD_KEY.equals(join.on().text().strip()) && tables.spec(join.table()).primaryKey().size() == 1;
	}

	private KStream<String, Row> keyedByJoinKey(Stream in, Step.Join join, String path) {
		JoinKey key = new JoinKey(join, tables.spec(join.table()));
		String rekey = Compilation.name(path, "join-key");
		KStream<String, Row> keyed = in.records().process(
				() -> new LookupKey(path, DeadLetters.child(rekey), key, join.type()), Named.as(rekey));
		DeadLetters.attach(compilation, keyed, rekey);
		return keyed;
	}

	private KStream<String, Row> join(KTable<String, Row> left, Step.Join join, JoinKey key, String path) {
		KTable<String, Row> right = tables.table(join.table());
		BiFunction<String, Row, String> foreignKey = key::of;
		JoinedRows joiner = JoinedRows.of(join, tables.spec(join.table()));
		TableJoined<String, String> named = TableJoined.as(Compilation.name(path, "join"));
		Materialized<String, Row, KeyValueStore<Bytes, byte[]>> joined = Tables.materialized(compilation,
				Compilation.name(path, "joined"));
		KTable<String, Row> result = join.type().keepsUnmatchedRows()
				? left.leftJoin(right, foreignKey, joiner, named, joined)
				: left.join(right, foreignKey, joiner, named, joined);
		KStream<String, Row> changes = result.toStream(Named.as(Compilation.name(path, "changes")));
		if (!join.type().keepsUnmatchedTableRows()) {
			return changes;
		}
		return changes.merge(UnmatchedTableRows.of(compilation, left, right, join.table(), key, path),
				Named.as(Compilation.name(path, "with-unmatched")));
	}

}

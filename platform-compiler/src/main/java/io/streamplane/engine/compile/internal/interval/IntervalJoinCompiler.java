package io.streamplane.engine.compile.internal.interval;

import java.time.Duration;
import java.util.ArrayList;

import dev.cel.common.ast.CelExpr;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;
import io.streamplane.spec.StreamJoinType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles {@code join: { stream, on, streamOn, within, type }}: each side re-keyed by its join key
 * ({@link IntervalKey}) and repartitioned by it (but for a side joined {@code on: key} as its topic
 * keys it), the events of a kept side whose join key is {@code null} going around the join
 * ({@link NullJoinKeys}), checked for lateness against the join's shared
 * stream time ({@link IntervalLateness}, {@link LateBound}), then Kafka Streams' {@code KStream.join}
 * with {@code JoinWindows.ofTimeDifferenceAndGrace(within, lateness)}, lateness being the larger of
 * the two streams'; under a left, right or full join beside {@link UnmatchedEvents}. Stores and topics are named from the step's spec path. In preview the join's
 * window stores are in memory and end-of-input markers go around the join, which would drop them.
 */
public final class IntervalJoinCompiler {

	private final Compilation compilation;

	public IntervalJoinCompiler(Compilation compilation) {
		this.compilation = compilation;
	}

	/**
	 * Joins {@code left}, the transform's records, with {@code right}, the stream the step names.
	 * @return the joined records, keyed and partitioned by the join key; under a left, right or full
	 *         join also the kept events whose join key is {@code null}, keyed {@code null}
	 */
	public Stream compile(Stream left, Stream right, Step.StreamJoin join, String path) {
		Duration lateness = left.lateness().compareTo(right.lateness()) >= 0 ? left.lateness() : right.lateness();
		JoinStores names = storeNames(path);
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(names.streamTime()),
				Serdes.String(), Serdes.Long()).withCachingEnabled());
		SharedStreamTime shared = new SharedStreamTime();
		LateBound bound = LateBound.of(join.type(), join.within(), lateness);
		JoinedPairs joiner = new JoinedPairs(join.stream(), sharedKey(join), join.fields(), join.streamFields());
		Side leftSide = partitioned(left, join.on(), join.type().keepsThis(), path, "left");
		Side rightSide = partitioned(right, join.streamOn(), join.type().keepsOther(), path, "right");
		KStream<String, Row> leftRecords = checked(leftSide.keyed(), bound, shared, path, "left");
		KStream<String, Row> rightRecords = checked(rightSide.keyed(), bound, shared, path, "right");
		if (!compilation.endOfInputMarkers()) {
			return new Stream(withNullKeys(joined(leftRecords, rightRecords, join, lateness, path, shared, joiner),
					leftSide, rightSide, joiner, path), false, lateness, sharedKey(join));
		}
		KStream<String, Row> markers = leftRecords.filter((key, row) -> row.marker(),
				Named.as(Compilation.name(path, "markers")));
		KStream<String, Row> joined = joined(
				leftRecords.filterNot((key, row) -> row.marker(), Named.as(Compilation.name(path, "left-events"))),
				rightRecords.filterNot((key, row) -> row.marker(), Named.as(Compilation.name(path, "right-events"))),
				join, lateness, path, shared, joiner);
		return new Stream(withNullKeys(joined, leftSide, rightSide, joiner, path)
			.merge(markers, Named.as(Compilation.name(path, "with-markers"))), false, lateness, sharedKey(join));
	}

	/**
	 * One side of the join, partitioned by its join key: the records for the join, and on a kept
	 * side the events whose join key is {@code null}, keyed {@code null}, or {@code null} on a side
	 * that is not kept.
	 */
	private record Side(KStream<String, Row> keyed, KStream<String, Row> nullKeys) {
	}

	/**
	 * The pairs and unmatched events merged with the events of the kept sides whose join key is
	 * {@code null}, taken off each side after its repartition topic, before the lateness check
	 * and the join: they come out at once, as they can match nothing, with the other side's fields
	 * {@code null} and a {@code null} key. On a side that is not kept, as under an inner join,
	 * there are none: {@link IntervalKey} has dropped them.
	 */
	private static KStream<String, Row> withNullKeys(KStream<String, Row> joined, Side left, Side right,
			JoinedPairs joiner, String path) {
		KStream<String, Row> out = joined;
		if (left.nullKeys() != null) {
			out = out.merge(left.nullKeys().mapValues(row -> joiner.apply(row, null),
					Named.as(Compilation.name(path, "left-null-joined"))),
					Named.as(Compilation.name(path, "with-left-null-keys")));
		}
		if (right.nullKeys() != null) {
			out = out.merge(right.nullKeys().mapValues(row -> joiner.apply(null, row),
					Named.as(Compilation.name(path, "right-null-joined"))),
					Named.as(Compilation.name(path, "with-right-null-keys")));
		}
		return out;
	}

	/**
	 * The pairs, from Kafka Streams' windowed {@code KStream.join}; under a left, right or full
	 * join merged with the unmatched events of the kept sides ({@link UnmatchedEvents}), which
	 * read the join's window stores. Kafka Streams' own {@code leftJoin} and {@code outerJoin}
	 * would emit an event that arrives after its window's end, within the grace period, at once
	 * with {@code null} though a match may still come, and may hold others back well past their
	 * window's close.
	 */
	private KStream<String, Row> joined(KStream<String, Row> left, KStream<String, Row> right, Step.StreamJoin join,
			Duration lateness, String path, SharedStreamTime shared, JoinedPairs joiner) {
		StreamJoinType type = join.type();
		KStream<String, Row> pairs = left.join(right, joiner, JoinWindows.ofTimeDifferenceAndGrace(join.within(), lateness),
				stores(join, lateness, path));
		if (type == StreamJoinType.INNER) {
			return pairs;
		}
		JoinStores names = storeNames(path);
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(names.pending()),
				Serdes.Bytes(), Serdes.ListSerde(ArrayList.class, compilation.rows())));
		PendingEvents.Shared pending = new PendingEvents.Shared();
		long within = join.within().toMillis();
		long close = within + lateness.toMillis();
		String[] stores = { names.self(), names.other(), names.streamTime(), names.pending() };
		KStream<String, Row> leftUnmatched = left.process(() -> new UnmatchedEvents(true, type.keepsThis(),
				type.keepsOther(), within, close, names, shared, pending, joiner),
				Named.as(Compilation.name(path, "left-unmatched")), stores);
		KStream<String, Row> rightUnmatched = right.process(() -> new UnmatchedEvents(false, type.keepsThis(),
				type.keepsOther(), within, close, names, shared, pending, joiner),
				Named.as(Compilation.name(path, "right-unmatched")), stores);
		return pairs.merge(leftUnmatched, Named.as(Compilation.name(path, "with-left-unmatched")))
			.merge(rightUnmatched, Named.as(Compilation.name(path, "with-right-unmatched")));
	}

	/** The names of the join's stores, as {@link #stores} has Kafka Streams name its window stores. */
	private JoinStores storeNames(String path) {
		String name = Compilation.name(path, "join");
		boolean preview = compilation.endOfInputMarkers();
		return new JoinStores(preview ? name + "-this" : name + "-this-join-store",
				preview ? name + "-other" : name + "-other-join-store", Compilation.name(path, "stream-time"),
				Compilation.name(path, "unmatched"));
	}

	/**
	 * One side: re-keyed and repartitioned, unless it joins {@code on: key} while still keyed and
	 * partitioned as its topic. On a kept side, the events whose join key is {@code null} are
	 * split off, keyed {@code null}; across a repartition topic, which drops records without a key,
	 * they travel as {@link NullJoinKeys} says.
	 */
	private Side partitioned(Stream in, Expression on, boolean kept, String path, String side) {
		if (joinsOnItsKey(in, on)) {
			KStream<String, Row> keyed = in.records().filterNot(NullJoinKeys::nullKey,
					Named.as(Compilation.name(path, side + "-keyed")));
			return new Side(keyed, kept ? in.records().filter(NullJoinKeys::nullKey,
					Named.as(Compilation.name(path, side + "-null-keys"))) : null);
		}
		CelEvaluator key = CelEvaluator.of(on);
		String rekey = Compilation.name(path, side + "-key");
		KStream<String, Row> rekeyed = DeadLetters.attach(compilation, in.records()
			.process(() -> new IntervalKey(path, DeadLetters.child(rekey), key, kept), Named.as(rekey)), rekey);
		Repartitioned<String, Row> topic = Repartitioned.<String, Row>as(Compilation.name(path, side))
			.withKeySerde(Serdes.String()).withValueSerde(compilation.rows());
		if (!kept) {
			return new Side(rekeyed.repartition(topic), null);
		}
		KStream<String, Row> partitioned = rekeyed
			.process(NullJoinKeys.Mark::new, Named.as(Compilation.name(path, side + "-mark-null-keys")))
			.repartition(topic);
		return new Side(partitioned.processValues(NullJoinKeys.Keyed::new, Named.as(Compilation.name(path, side + "-keyed"))),
				partitioned.process(NullJoinKeys.Unkeyed::new, Named.as(Compilation.name(path, side + "-null-keys"))));
	}

	/** One side, partitioned, checked for lateness. */
	private KStream<String, Row> checked(KStream<String, Row> partitioned, LateBound bound, SharedStreamTime shared,
			String path, String side) {
		String check = Compilation.name(path, side + "-time");
		String store = Compilation.name(path, "stream-time");
		return DeadLetters.attach(compilation, partitioned.processValues(() -> new IntervalLateness(path,
				DeadLetters.child(check), bound, store, shared), Named.as(check), store), check);
	}

	/**
	 * Whether a side can be joined as it is: {@code on: key} on a stream still keyed and
	 * partitioned as its topic (no {@code key:} or {@code keyBy} upstream), outside preview, as a
	 * hand-written {@code KStream.join} would take a topic already keyed by the join key. Its topic
	 * must then be partitioned by that key with Kafka's default partitioner, like the other side's.
	 */
	private boolean joinsOnItsKey(Stream in, Expression on) {
		return !in.needsRepartition() && !compilation.endOfInputMarkers() && "key".equals(on.text().strip());
	}

	/**
	 * The join's serdes and store names; in preview, in-memory window stores (see
	 * {@link Compilation#keyValueStore}) of the size and retention {@code JoinWindows} asks for.
	 */
	private StreamJoined<String, Row, Row> stores(Step.StreamJoin join, Duration lateness, String path) {
		String name = Compilation.name(path, "join");
		StreamJoined<String, Row, Row> joined = StreamJoined.with(Serdes.String(), compilation.rows(), compilation.rows())
			.withName(name).withStoreName(name);
		if (!compilation.endOfInputMarkers()) {
			return joined;
		}
		Duration size = join.within().multipliedBy(2);
		Duration retention = size.plus(lateness);
		return joined
			.withThisStoreSupplier(Stores.inMemoryWindowStore(name + "-this", retention, size, true))
			.withOtherStoreSupplier(Stores.inMemoryWindowStore(name + "-other", retention, size, true));
	}

	/** The field both join keys name, or {@code null}: the field that holds the key after the join. */
	private static String sharedKey(Step.StreamJoin join) {
		String left = fieldName(join.on());
		return left != null && left.equals(fieldName(join.streamOn())) ? left : null;
	}

	private static String fieldName(Expression expression) {
		CelExpr expr = expression.ast().getExpr();
		return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && !"key".equals(expr.ident().name())
				? expr.ident().name() : null;
	}

}

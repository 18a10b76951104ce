package io.streamplane.engine.compile.internal.interval;

import java.time.Duration;

import dev.cel.common.ast.CelExpr;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles {@code join: { stream, on, streamOn, within }}: each side re-keyed by its join key
 * ({@link IntervalKey}) and repartitioned by it (but for a side joined {@code on: key} as its topic
 * keys it), checked for lateness against the join's shared
 * stream time ({@link IntervalLateness}), then Kafka Streams' {@code KStream.join} with
 * {@code JoinWindows.ofTimeDifferenceAndGrace(within, lateness)}, lateness being the larger of the
 * two streams'. Stores and topics are named from the step's spec path. In preview the join's
 * window stores are in memory and end-of-input markers go around the join, which would drop them.
 */
public final class IntervalJoinCompiler {

	private final Compilation compilation;

	public IntervalJoinCompiler(Compilation compilation) {
		this.compilation = compilation;
	}

	/**
	 * Joins {@code left}, the transform's records, with {@code right}, the stream the step names.
	 * @return the joined records, keyed and partitioned by the join key
	 */
	public Stream compile(Stream left, Stream right, Step.StreamJoin join, String path) {
		Duration lateness = left.lateness().compareTo(right.lateness()) >= 0 ? left.lateness() : right.lateness();
		String streamTime = Compilation.name(path, "stream-time");
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(streamTime),
				Serdes.String(), Serdes.Long()).withCachingEnabled());
		SharedStreamTime shared = new SharedStreamTime();
		KStream<String, Row> leftRecords = side(left, join.on(), join, lateness, shared, path, "left");
		KStream<String, Row> rightRecords = side(right, join.streamOn(), join, lateness, shared, path, "right");
		JoinedPairs joiner = new JoinedPairs(join.stream(), sharedKey(join));
		JoinWindows windows = JoinWindows.ofTimeDifferenceAndGrace(join.within(), lateness);
		StreamJoined<String, Row, Row> stores = stores(join, lateness, path);
		if (!compilation.endOfInputMarkers()) {
			return new Stream(leftRecords.join(rightRecords, joiner, windows, stores), false, lateness, sharedKey(join));
		}
		KStream<String, Row> markers = leftRecords.filter((key, row) -> row.marker(),
				Named.as(Compilation.name(path, "markers")));
		KStream<String, Row> joined = leftRecords.filterNot((key, row) -> row.marker(),
				Named.as(Compilation.name(path, "left-events")))
			.join(rightRecords.filterNot((key, row) -> row.marker(), Named.as(Compilation.name(path, "right-events"))),
					joiner, windows, stores);
		return new Stream(joined.merge(markers, Named.as(Compilation.name(path, "with-markers"))), false, lateness,
				sharedKey(join));
	}

	/**
	 * One side: re-keyed and repartitioned, unless it joins {@code on: key} while still keyed and
	 * partitioned as its topic, then checked for lateness.
	 */
	private KStream<String, Row> side(Stream in, Expression on, Step.StreamJoin join, Duration lateness,
			SharedStreamTime shared, String path, String side) {
		KStream<String, Row> partitioned = joinsOnItsKey(in, on) ? in.records() : repartitioned(in, on, path, side);
		String check = Compilation.name(path, side + "-time");
		String store = Compilation.name(path, "stream-time");
		return DeadLetters.attach(compilation, partitioned.processValues(() -> new IntervalLateness(path,
				DeadLetters.child(check), join.within(), lateness, store, shared), Named.as(check), store), check);
	}

	private KStream<String, Row> repartitioned(Stream in, Expression on, String path, String side) {
		CelEvaluator key = CelEvaluator.of(on);
		String rekey = Compilation.name(path, side + "-key");
		KStream<String, Row> keyed = DeadLetters.attach(compilation, in.records()
			.process(() -> new IntervalKey(path, DeadLetters.child(rekey), key), Named.as(rekey)), rekey);
		return keyed.repartition(Repartitioned.<String, Row>as(Compilation.name(path, side))
			.withKeySerde(Serdes.String()).withValueSerde(compilation.rows()));
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

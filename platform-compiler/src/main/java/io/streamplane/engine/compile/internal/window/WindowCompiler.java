package io.streamplane.engine.compile.internal.window;

import java.time.Duration;

import io.streamplane.engine.compile.FinalWindows;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.KeyedRepartition;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Emit;
import io.streamplane.spec.Step;
import io.streamplane.spec.WindowKind;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.SlidingWindows;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Compiles a window step: a repartition by key when the key changed ({@link KeyedRepartition}), {@link WindowInput} (lateness,
 * arguments) in the same sub-topology as the aggregation, Kafka Streams' windowed aggregation over
 * a RocksDB store with a changelog, then for {@code emit: final} either the aggregation emits each
 * session once it has closed ({@link FinalWindows#ON_WINDOW_CLOSE}: session windows, a time-ordered store
 * of {@link DeferredPutSessions}) or a suppression until the window closes follows it (the other window
 * kinds, and pipeline versions older engines started; the store behind the record cache), then
 * {@link WindowResults}, followed by
 * a {@link DecimalCheck} when an aggregate is declared a decimal. Tumbling
 * and hopping windows with {@code emit: updates} aggregate in {@link WindowUpdates} instead, which
 * emits every change at once from a cached store of the same name and format. State
 * stores and internal topics are named from the step's spec path, e.g.
 * {@code transforms.revenue_1m.steps.1.window}.
 */
public final class WindowCompiler {

	private final Compilation compilation;

	public WindowCompiler(Compilation compilation) {
		this.compilation = compilation;
	}

	public Stream compile(Stream in, Step.Window step, String path) {
		KStream<String, Row> records = KeyedRepartition.of(compilation, in, path, WindowInput.NEED);
		AggregateInputs arguments = new AggregateInputs(step.aggregations());
		WindowFolder folder = new WindowFolder(step.aggregations(), in.keyField());
		String input = Compilation.name(path, "input");
		KStream<String, Row> inputs = DeadLetters.attach(compilation, records.processValues(new WindowInputSupplier(path,
				DeadLetters.child(input), new Lateness(step.kind(), in.lateness()), arguments, in.keyField(),
				compilation.keyValueStore(Compilation.name(path, "stream-time"))), Named.as(input)), input);
		String store = Compilation.name(path, "window");
		TimeWindows aligned = aligned(step.kind(), in.lateness());
		KStream<Windowed<String>, WindowState> changes = step.emit() == Emit.UPDATES && aligned != null
			? inputs.process(new WindowUpdatesSupplier(compilation, aligned, folder, store, new WindowStateSerde(step.aggregations())),
					Named.as(Compilation.name(path, "aggregate")))
			: aggregated(inputs, step, folder, in.lateness(), path);
		boolean retracts = step.emit() == Emit.UPDATES && step.kind() instanceof WindowKind.Session;
		KStream<String, Row> results = changes.process(() -> new WindowResults(folder, retracts),
				Named.as(Compilation.name(path, "rows")));
		if (DecimalCheck.needed(step.aggregations())) {
			String check = Compilation.name(path, "decimals");
			results = DeadLetters.attach(compilation, results.processValues(() -> new DecimalCheck(path,
					DeadLetters.child(check), step.aggregations()), Named.as(check)), check);
		}
		return new Stream(results, true, in.lateness(), in.keyField());
	}

	/**
	 * The window changes through Kafka Streams' windowed aggregation: every change for
	 * {@code emit: updates}, the closed windows' last states for {@code emit: final}: emitted by the
	 * aggregation itself for session windows ({@link FinalWindows#ON_WINDOW_CLOSE}), by a suppression
	 * after it otherwise.
	 */
	private KStream<Windowed<String>, WindowState> aggregated(KStream<String, Row> inputs, Step.Window step,
			WindowFolder folder, Duration lateness, String path) {
		KGroupedStream<String, Row> grouped = inputs.groupByKey(Grouped.with(Compilation.name(path, "group"),
				Serdes.String(), compilation.rows()));
		boolean onClose = closesItself(step, path);
		KTable<Windowed<String>, WindowState> table = aggregate(grouped, step, onClose, folder, lateness, path);
		KTable<Windowed<String>, WindowState> emitted = step.emit() == Emit.FINAL && !onClose
			? table.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
				.withName(Compilation.name(path, "final")))
			: table;
		return emitted.toStream(Named.as(Compilation.name(path, "results")));
	}

	/**
	 * Whether the aggregation emits final results itself: session windows with {@code emit: final}, unless
	 * the compiler keeps {@link FinalWindows#SUPPRESSION} or the pipeline version's suppression buffer has a
	 * changelog (an older engine started it, and its open sessions live there). Tumbling, hopping and sliding
	 * windows keep the suppression (see {@link FinalWindows}).
	 */
	private boolean closesItself(Step.Window step, String path) {
		return step.emit() == Emit.FINAL && step.kind() instanceof WindowKind.Session
				&& compilation.finalWindows() == FinalWindows.ON_WINDOW_CLOSE
				&& !compilation.existing().hasInternalTopic(suppressionChangelog(path));
	}

	/** The changelog of the suppression buffer {@code emit: final} has in {@link FinalWindows#SUPPRESSION}. */
	static String suppressionChangelog(String path) {
		return Compilation.name(path, "final") + "-store-changelog";
	}

	/** The tumbling or hopping windows of {@code kind} with {@code lateness} as grace, or {@code null}. */
	private static TimeWindows aligned(WindowKind kind, Duration lateness) {
		return switch (kind) {
			case WindowKind.Tumbling(Duration size) -> TimeWindows.ofSizeAndGrace(size, lateness);
			case WindowKind.Hopping(Duration size, Duration advance) -> TimeWindows.ofSizeAndGrace(size, lateness)
				.advanceBy(advance);
			case WindowKind.Sliding ignored -> null;
			case WindowKind.Session ignored -> null;
		};
	}

	private KTable<Windowed<String>, WindowState> aggregate(KGroupedStream<String, Row> grouped, Step.Window step,
			boolean onClose, WindowFolder folder, Duration lateness, String path) {
		Named named = Named.as(Compilation.name(path, "aggregate"));
		String store = Compilation.name(path, "window");
		WindowStateSerde states = new WindowStateSerde(step.aggregations());
		Materialized<String, WindowState, WindowStore<Bytes, byte[]>> windows = cached(step.emit(), Materialized
			.<String, WindowState, WindowStore<Bytes, byte[]>>as(store).withKeySerde(Serdes.String())
			.withValueSerde(states));
		return switch (step.kind()) {
			case WindowKind.Tumbling(Duration size) -> grouped.windowedBy(TimeWindows.ofSizeAndGrace(size, lateness))
				.aggregate(folder::initial, folder::add, named, windows);
			case WindowKind.Hopping(Duration size, Duration advance) -> grouped
				.windowedBy(TimeWindows.ofSizeAndGrace(size, lateness).advanceBy(advance))
				.aggregate(folder::initial, folder::add, named, windows);
			case WindowKind.Sliding(Duration size) -> grouped
				.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(size, lateness))
				.aggregate(folder::initial, folder::add, named, windows);
			case WindowKind.Session(Duration gap) when onClose -> grouped
				.windowedBy(SessionWindows.ofInactivityGapAndGrace(gap, lateness))
				.emitStrategy(EmitStrategy.onWindowClose())
				.aggregate(folder::initial, folder::add, folder::merge, named,
						Materialized.<String, WindowState>as(DeferredPutSessions.of(compilation, store, gap, lateness))
							.withKeySerde(Serdes.String()).withValueSerde(states));
			case WindowKind.Session(Duration gap) -> grouped
				.windowedBy(SessionWindows.ofInactivityGapAndGrace(gap, lateness))
				.aggregate(folder::initial, folder::add, folder::merge, named,
						cached(step.emit(), Materialized.<String, WindowState, SessionStore<Bytes, byte[]>>as(store)
							.withKeySerde(Serdes.String()).withValueSerde(states)));
		};
	}

	/**
	 * The record cache in front of the window store: on for {@code emit: final} with a suppression, which
	 * only ever emits a closed window's last state, so coalescing updates in the cache is invisible and
	 * spares the changelog and the suppression buffer a write per record (Kafka Streams does not cache the
	 * store of a session window that emits on window close). Off for
	 * {@code emit: updates} of sliding and session windows, which promises every change, and which
	 * Kafka Streams only forwards from the cache when it flushes.
	 */
	private static <S extends StateStore> Materialized<String, WindowState, S> cached(Emit emit,
			Materialized<String, WindowState, S> materialized) {
		return switch (emit) {
			case FINAL -> materialized.withCachingEnabled();
			case UPDATES -> materialized.withCachingDisabled();
		};
	}

}

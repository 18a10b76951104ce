package io.streamplane.engine.compile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.streamplane.engine.compile.internal.plan.TopologyPlanner;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.Counting;
import io.streamplane.engine.compile.internal.wiring.GuardedProcessors;
import io.streamplane.spec.FeatureView;
import io.streamplane.spec.Output;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.Source;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.Topology;

/**
 * Compiles a validated pipeline spec to a Kafka Streams topology.
 *
 * <h2>What the topology does</h2>
 * <ul>
 * <li><b>Sources</b> are read as bytes. A first operator parses the JSON value, checks declared
 * field types, computes the key (the Kafka key, or the source's {@code key} expression) and the
 * event time, and forwards the record <em>with its event time as the record timestamp</em>.
 * Kafka Streams' windowed aggregations and suppression track stream time from the timestamps of
 * the records they see, and repartition topics carry those timestamps, so every window works in
 * event time. Parsing in an operator rather than a {@code TimestampExtractor} lets a record with
 * a bad event time be dead-lettered instead of dropped or failing the task.</li>
 * <li><b>Tables</b> are read as bytes too, upserted by primary key, repartitioned by it and
 * materialized; a transform reading a table works on the changelog of its result, joined with
 * Kafka Streams' foreign-key table join; a reactive join of a stream repartitions the events by join
 * key, remembers them beside the table and re-emits them when their row changes (a version whose
 * state an older engine created keeps that engine's layout, see {@link ExistingState}); an output of
 * a changelog writes a change stream ({@code "op": "+"} / {@code "-"}) kept free of repeats by a store of the rows last
 * emitted. A lookup join is Kafka Streams' stream–table join. See {@code docs/concepts/tables-and-joins.md}.</li>
 * <li><b>Steps</b>: {@code filter}, {@code set}, {@code select}, {@code explode} keep the key;
 * {@code keyBy} changes it; a transform with several inputs merges them. A window repartitions
 * first when the key changed since the records were partitioned.</li>
 * <li><b>Lateness</b>: right before each window aggregation, in the same sub-topology, an operator
 * keeps the stream time of that aggregation in a cached state store (written to its changelog when
 * the cache flushes on commit, together with the aggregation's state) and applies Kafka Streams' own
 * drop rule (window end + lateness &lt;= stream time) itself, so late records are dead-lettered
 * and counted instead of being silently dropped.</li>
 * <li><b>Windows</b> emit rows keyed by the group key with the key field, {@code window_start},
 * {@code window_end} (ISO-8601 UTC, epoch-aligned for tumbling and hopping windows) and the
 * aggregates; {@code emit: final} emits each session once it closed from Kafka Streams' session
 * aggregation with {@code EmitStrategy.onWindowClose()} over a time-ordered store
 * ({@link FinalWindows#ON_WINDOW_CLOSE}), and suppresses the other windows, and the sessions of pipeline
 * versions older engines started ({@link FinalWindows#SUPPRESSION}), until the window closes (the window
 * store behind the record cache, which only coalesces updates the suppression would hold back anyway);
 * {@code emit: updates} emits every change: tumbling and hopping windows from their own
 * aggregation, which forwards each change at once while its store stays behind the record cache (so
 * RocksDB and the changelog see one write per key and window per commit), sliding and session
 * windows with caching disabled.</li>
 * <li><b>Per-key state</b>: {@code dedupe}, {@code running}, {@code crossing} and {@code changes}
 * repartition by key when it changed, like windows, then keep their state per record key in a
 * cached RocksDB store with a changelog (a window store expiring by event time for
 * {@code dedupe}); records without a key are dead-lettered.</li>
 * <li><b>Outputs</b> are JSON objects with string keys.</li>
 * <li><b>Indexes</b> follow the changelog of their table: each change is projected to the row's primary
 * key, text and metadata and written to {@code sp.index.<pipeline>.<index>} as an upsert or a tombstone
 * ({@code io.streamplane.protocol.index.IndexCodec}), with the change's source time as the record timestamp;
 * a store of what was written (key and value digest per row) drops changes that leave the row as it was,
 * so a joined row's change re-emits exactly the rows whose metadata it changes.</li>
 * <li><b>Dead letters</b>: every record that fails (unparsable, mistyped or missing field,
 * expression error, bad event time, no key for a window) or is late goes to the pipeline's
 * dead-letter topic with its original key and value bytes and the headers of
 * {@link DeadLetterHeaders}; the pipeline keeps running.</li>
 * <li><b>State</b>: RocksDB stores with changelogs; stores, repartition topics and processors
 * are named from their spec paths ({@code transforms.revenue_1m.steps.1.window}), so a restart or
 * an upgrade that keeps a step in place reuses its state.</li>
 * </ul>
 * Every CEL expression is planned once per compile and shared by all tasks. The topology is
 * correct under both processing guarantees; the runtime sets the guarantee from
 * {@link CompiledPipeline#guarantee()}.
 */
public final class PipelineCompiler {

	private static final Duration MIN_TILE_RETENTION = Duration.ofDays(1);

	private final boolean endOfInputMarkers;

	private final BooleanSupplier guard;

	private final FinalWindows finalWindows;

	/** A compiler for running pipelines, compiling {@code emit: final} windows {@link FinalWindows#ON_WINDOW_CLOSE}. */
	public PipelineCompiler() {
		this(false, null, FinalWindows.ON_WINDOW_CLOSE);
	}

	private PipelineCompiler(boolean endOfInputMarkers, BooleanSupplier guard, FinalWindows finalWindows) {
		this.endOfInputMarkers = endOfInputMarkers;
		this.guard = guard;
		this.finalWindows = finalWindows;
	}

	/**
	 * A compiler for replaying finite input, as preview does: its topologies honour
	 * {@link EndOfInput end-of-input markers}. Never use it for a pipeline reading live topics.
	 */
	public static PipelineCompiler forReplay() {
		return new PipelineCompiler(true, null, FinalWindows.ON_WINDOW_CLOSE);
	}

	/**
	 * A copy whose topologies ask {@code guard} before every record any of their processors processes,
	 * and drop the record when it answers false. For bounding replays; a running pipeline has no guard.
	 */
	public PipelineCompiler guardedBy(BooleanSupplier guard) {
		return new PipelineCompiler(endOfInputMarkers, Objects.requireNonNull(guard, "guard"), finalWindows);
	}

	/**
	 * A copy that compiles windows with {@code emit: final} as {@code finalWindows} says: pass
	 * {@link FinalWindows#SUPPRESSION} only for a pipeline version whose state an older engine created in that
	 * layout.
	 */
	public PipelineCompiler withFinalWindows(FinalWindows finalWindows) {
		return new PipelineCompiler(endOfInputMarkers, guard, Objects.requireNonNull(finalWindows, "finalWindows"));
	}

	/**
	 * Compiles the spec for a version that never ran ({@link ExistingState#NONE}). Every call builds a
	 * new topology, so each {@code KafkaStreams} instance gets its own.
	 * @param spec a spec that passed validation
	 * @param counters where the topology counts records in, out, late and dead-lettered
	 */
	public CompiledPipeline compile(PipelineSpec spec, PipelineCounters counters) {
		return compile(spec, counters, ExistingState.NONE);
	}

	/**
	 * Compiles the spec for a version whose earlier runs left {@code existing}: a step whose state layout
	 * an older engine created keeps it (a reactive stream–table join started before issue 14 keeps its
	 * events by identity; a session window with {@code emit: final} whose suppression buffer has a changelog
	 * keeps {@link FinalWindows#SUPPRESSION}). Every call builds a new topology.
	 * @param spec a spec that passed validation
	 * @param counters where the topology counts records in, out, late and dead-lettered
	 * @param existing the version's internal topics that exist
	 */
	public CompiledPipeline compile(PipelineSpec spec, PipelineCounters counters, ExistingState existing) {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(counters, "counters");
		Objects.requireNonNull(existing, "existing");
		Counting counting = new Counting(counters::recordIn, counters::recordOut, counters::late, counters::deadLetter,
				counters::tileWritten, counters::indexWritten);
		spec.features().forEach(view -> counters.declareView(view.name()));
		spec.indexes().forEach(index -> counters.declareIndex(index.name(), index.topic(spec.name())));
		String deadLetterTopic = spec.processing().deadLetterTopic();
		Compilation compilation = new Compilation(builder(), spec.name(), deadLetterTopic, counting,
				endOfInputMarkers, existing, finalWindows);
		Topology topology = new TopologyPlanner(compilation).compile(spec);
		Set<String> inputs = new LinkedHashSet<>();
		spec.sources().values().stream().map(Source::kafka).forEach(kafka -> inputs.add(kafka.topic()));
		spec.tables().values().forEach(table -> inputs.add(table.topic()));
		Set<String> outputs = new LinkedHashSet<>();
		spec.outputs().stream().map(Output::kafka).forEach(kafka -> outputs.add(kafka.topic()));
		return new CompiledPipeline(spec.name(), topology, Set.copyOf(inputs), Set.copyOf(outputs), deadLetterTopic,
				spec.processing().guarantee(), tileTopics(spec),
				spec.indexes().stream().map(index -> index.topic(spec.name())).collect(Collectors.toSet()));
	}

	/**
	 * The builder: a replay's keeps the DSL's stores (windows, tables) in memory, as
	 * {@code Compilation} keeps the operators' stores, and a guarded one wraps every processor.
	 */
	private StreamsBuilder builder() {
		if (guard == null && !endOfInputMarkers) {
			return new StreamsBuilder();
		}
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sp-replay");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay.invalid:9092");
		if (endOfInputMarkers) {
			config.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
					BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
		}
		if (guard != null) {
			config.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, GuardedProcessors.class);
			config.put(GuardedProcessors.GUARD, guard);
		}
		return new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
	}

	private static Map<String, Duration> tileTopics(PipelineSpec spec) {
		Map<String, Duration> topics = new LinkedHashMap<>();
		for (FeatureView view : spec.features()) {
			Duration lateness = spec.sources().values().stream().map(Source::lateness).max(Duration::compareTo)
				.orElse(Duration.ZERO);
			Duration keep = view.retention().multipliedBy(2).plus(lateness);
			topics.put(view.topic(spec.name()), keep.compareTo(MIN_TILE_RETENTION) < 0 ? MIN_TILE_RETENTION : keep);
		}
		return topics;
	}

}

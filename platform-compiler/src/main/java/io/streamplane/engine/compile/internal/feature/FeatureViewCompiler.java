package io.streamplane.engine.compile.internal.feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.Lateness;
import io.streamplane.engine.compile.internal.window.AggregateInputs;
import io.streamplane.engine.compile.internal.window.WindowInput;
import io.streamplane.engine.compile.internal.window.WindowInputSupplier;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Aggregation;
import io.streamplane.spec.FeatureDefinition;
import io.streamplane.spec.FeatureView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Compiles a feature view: {@link FeatureEntity} keys the stream by entity, a repartition by that
 * key (none for a view {@code keyedByEntity} reading records still keyed as in their topic, outside
 * preview: like a lookup join {@code on: key}, it assumes Kafka's default partitioner), {@link WindowInput}
 * (stream time, late records, arguments) with the view's retention plus the stream's lateness as horizon,
 * {@link TileUpdater} (the tiles, in a logged store), and a sink writing every tile update to
 * {@code sp.features.<pipeline>.<view>} keyed by entity. Exactly-once comes from the pipeline's processing
 * guarantee. Nodes, stores and internal topics are named from the view's spec path, e.g.
 * {@code features.0.tiles}.
 */
public final class FeatureViewCompiler {

	private final Compilation compilation;

	public FeatureViewCompiler(Compilation compilation) {
		this.compilation = compilation;
	}

	public void compile(Stream in, FeatureView view, String path) {
		String entity = Compilation.name(path, "entity");
		boolean inPlace = view.keyedByEntity() && !in.needsRepartition() && !compilation.endOfInputMarkers();
		KStream<String, Row> keyed = DeadLetters.attach(compilation, in.records().process(() -> new FeatureEntity(path,
				DeadLetters.child(entity), view.entity(), inPlace), Named.as(entity)), entity);
		KStream<String, Row> partitioned = inPlace ? keyed
				: keyed.repartition(Repartitioned.<String, Row>as(Compilation.name(path, "repartition"))
					.withKeySerde(Serdes.String()).withValueSerde(compilation.rows()));
		List<Aggregation> aggregations = aggregations(view);
		AggregateInputs arguments = new AggregateInputs(aggregations);
		Duration horizon = view.retention().plus(in.lateness());
		String input = Compilation.name(path, "input");
		KStream<String, Row> inputs = DeadLetters.attach(compilation, partitioned.processValues(new WindowInputSupplier(
				path, DeadLetters.child(input), Lateness.ofView(view.name(), view.retention(), in.lateness()),
				arguments, null, compilation.keyValueStore(Compilation.name(path, "stream-time"))), Named.as(input)), input);
		String tiles = Compilation.name(path, "tiles");
		TileSettings settings = new TileSettings(path, DeadLetters.child(tiles), view.name(), view.tileSize().toMillis(),
				horizon.toMillis(), aggregations, tiles);
		DeadLetters.attach(compilation, inputs.processValues(new TileUpdaterSupplier(settings, compilation.keyValueStore(tiles)), Named.as(tiles)), tiles)
			.processValues(() -> new TileWriter(view.name(), compilation.counting()), Named.as(Compilation.name(path, "write")))
			.to(view.topic(compilation.pipeline()), Produced.with(Serdes.String(), Serdes.ByteArray())
				.withName(Compilation.name(path, "sink")));
	}

	/** One aggregation per partial id: features that share an aggregate share its partial. */
	private static List<Aggregation> aggregations(FeatureView view) {
		Map<String, Aggregation> byPartial = new LinkedHashMap<>();
		for (FeatureDefinition feature : view.features().values()) {
			byPartial.putIfAbsent(feature.partialId(), new Aggregation(feature.partialId(), feature.function(),
					feature.argument(), Optional.empty(), feature.decimal()));
		}
		return new ArrayList<>(byPartial.values());
	}

}

package io.streamplane.engine.compile.internal.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamplane.engine.compile.internal.feature.FeatureViewCompiler;
import io.streamplane.engine.compile.internal.index.IndexCompiler;
import io.streamplane.engine.compile.internal.table.ChangelogCompiler;
import io.streamplane.engine.compile.internal.table.JoinCompiler;
import io.streamplane.engine.compile.internal.table.Tables;
import io.streamplane.engine.compile.internal.topic.EventTimeReader;
import io.streamplane.engine.compile.internal.topic.OutputWriter;
import io.streamplane.engine.compile.internal.topic.SourceReader;
import io.streamplane.engine.compile.internal.topic.SourceValueReader;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.JoinMode;
import io.streamplane.spec.Output;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.Source;
import io.streamplane.spec.Step;
import io.streamplane.spec.Table;
import io.streamplane.spec.Transform;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the topology of a pipeline: each source read as bytes and parsed by a
 * {@link SourceReader}, each table as its changelog ({@link Tables}), each transform as the merge of
 * its inputs followed by its steps, each output as JSON with string keys; an output of a table
 * writes its change stream ({@link ChangelogCompiler#changes}), from the retractions a reactive join
 * recomputes where it can ({@link RetractingJoins}); each feature view as its tiles
 * ({@link FeatureViewCompiler}); each index as the changes of its table's rows ({@link IndexCompiler}). Every
 * operator's failures go to the dead-letter topic.
 */
public final class TopologyPlanner {

	private final Compilation compilation;

	private final StepCompiler steps;

	private final Map<String, Stream> streams = new HashMap<>();

	private final Map<String, KStream<String, Row>> changelogs = new HashMap<>();

	/** The transforms whose changelogs carry their own retractions (see {@link RetractingJoins}). */
	private final Set<String> retracted = new HashSet<>();

	private RetractingJoins retractingJoins;

	private JoinCompiler joins;

	private Map<String, Table> tableSpecs = Map.of();

	private ChangelogCompiler tables;

	/** A compiler adding to the builder of {@code compilation}; use it for one pipeline. */
	public TopologyPlanner(Compilation compilation) {
		this.compilation = compilation;
		this.steps = new StepCompiler(compilation, () -> joins, streams::get);
	}

	/** Compiles the spec into the builder and returns the built topology. */
	public Topology compile(PipelineSpec spec) {
		tableSpecs = spec.tables();
		Tables registry = new Tables(compilation, spec.tables());
		joins = new JoinCompiler(compilation, registry);
		tables = new ChangelogCompiler(compilation, joins);
		retractingJoins = new RetractingJoins(spec, tables::remembersEmittedRows);
		spec.sources().values().forEach(source -> streams.put(source.name(), source(source)));
		spec.tables().keySet().forEach(table -> changelogs.put(table, registry.changelog(table)));
		spec.transforms().values().forEach(this::transform);
		List<Output> outputs = spec.outputs();
		for (int i = 0; i < outputs.size(); i++) {
			output(outputs.get(i), outputPath(i));
		}
		FeatureViewCompiler views = new FeatureViewCompiler(compilation);
		for (int i = 0; i < spec.features().size(); i++) {
			views.compile(streams.get(spec.features().get(i).from()), spec.features().get(i), "features[" + i + "]");
		}
		IndexCompiler indexes = new IndexCompiler(compilation, tables);
		for (int i = 0; i < spec.indexes().size(); i++) {
			indexes.compile(changelogs.get(spec.indexes().get(i).from()), spec.indexes().get(i), "indexes[" + i + "]");
		}
		return compilation.builder().build();
	}

	private Stream source(Source source) {
		String path = "sources." + source.name();
		CelEvaluator key = source.key().map(CelEvaluator::of).orElse(null);
		EventTimeReader eventTime = new EventTimeReader(source.eventTime());
		String read = Compilation.name(path, "read");
		KStream<String, Row> parsed = key == null && !compilation.endOfInputMarkers()
				? compilation.builder()
					.stream(source.kafka().topic(), Consumed.with(Serdes.String(), Serdes.ByteArray())
						.withName(Compilation.name(path, "topic")))
					.processValues(() -> new SourceValueReader(source, compilation, eventTime, DeadLetters.child(read)),
							Named.as(read))
				: compilation.builder()
					.stream(source.kafka().topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
						.withName(Compilation.name(path, "topic")))
					.process(() -> new SourceReader(source, compilation, key, eventTime, DeadLetters.child(read)),
							Named.as(read));
		return new Stream(DeadLetters.attach(compilation, parsed, read), source.key().isPresent(), source.lateness(), null);
	}

	/** Compiles a transform; its records are a table's changelog from a table input or a reactive join on. */
	private void transform(Transform transform) {
		String path = "transforms." + transform.name();
		KStream<String, Row> changelog = changelogs.get(transform.from().getFirst());
		Stream stream = changelog != null ? null
				: transform.isMerge() ? merge(transform, path) : streams.get(transform.from().getFirst());
		List<Step> list = transform.steps();
		for (int i = 0; i < list.size(); i++) {
			String at = path + ".steps[" + i + "]";
			if (i == 0 && list.get(i) instanceof Step.Join join && primaryKeyJoin(transform, join)) {
				changelog = joins.primaryKey(transform.from().getFirst(), join, at);
			}
			else if (changelog != null) {
				changelog = tables.compile(changelog, list.get(i), at);
			}
			else if (list.get(i) instanceof Step.Join join && join.mode() == JoinMode.REACTIVE) {
				boolean retracting = !joins.remembersByIdentity(at) && retractingJoins.retracts(transform, i);
				changelog = joins.reactive(stream, join, at, retracting);
				if (retracting) {
					retracted.add(transform.name());
				}
			}
			else {
				stream = steps.compile(stream, list.get(i), at);
			}
		}
		if (changelog != null) {
			changelogs.put(transform.name(), changelog);
		}
		else {
			streams.put(transform.name(), stream);
		}
	}

	private boolean primaryKeyJoin(Transform transform, Step.Join join) {
		Table table = tableSpecs.get(transform.from().getFirst());
		return table != null && JoinCompiler.onPrimaryKey(table, join);
	}

	private Stream merge(Transform transform, String path) {
		Stream first = streams.get(transform.from().getFirst());
		KStream<String, Row> merged = first.records();
		Duration lateness = first.lateness();
		for (int i = 1; i < transform.from().size(); i++) {
			Stream next = streams.get(transform.from().get(i));
			merged = merged.merge(next.records(), Named.as(Compilation.name(path, "merge." + i)));
			lateness = lateness.compareTo(next.lateness()) >= 0 ? lateness : next.lateness();
		}
		return new Stream(merged, true, lateness, null);
	}

	/** The spec path of the {@code index}-th output, which names its nodes and stores. */
	static String outputPath(int index) {
		return "outputs[" + index + "]";
	}

	private void output(Output output, String path) {
		KStream<String, Row> changelog = changelogs.get(output.from());
		KStream<String, Row> records = changelog != null
				? tables.changes(changelog, path, retracted.contains(output.from()))
				: streams.get(output.from()).records();
		records.process(() -> new OutputWriter(compilation.counting()), Named.as(Compilation.name(path, "write")))
			.to(output.kafka().topic(), Produced.with(Serdes.String(), Serdes.ByteArray())
				.withName(Compilation.name(path, "sink")));
	}

}

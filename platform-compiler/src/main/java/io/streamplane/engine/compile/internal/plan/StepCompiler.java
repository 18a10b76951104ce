package io.streamplane.engine.compile.internal.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.streamplane.engine.compile.internal.interval.IntervalJoinCompiler;
import io.streamplane.engine.compile.internal.keyed.Changes;
import io.streamplane.engine.compile.internal.keyed.Crossing;
import io.streamplane.engine.compile.internal.keyed.Dedupe;
import io.streamplane.engine.compile.internal.keyed.KeyedStateCompiler;
import io.streamplane.engine.compile.internal.keyed.Running;
import io.streamplane.engine.compile.internal.operator.Explode;
import io.streamplane.engine.compile.internal.operator.Filter;
import io.streamplane.engine.compile.internal.operator.KeyBy;
import io.streamplane.engine.compile.internal.operator.Select;
import io.streamplane.engine.compile.internal.operator.SetFields;
import io.streamplane.engine.compile.internal.table.JoinCompiler;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.window.WindowCompiler;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.engine.compile.internal.wiring.Stream;
import io.streamplane.spec.Step;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * Compiles one step of a transform, exhaustively over {@link Step}: each becomes its operator,
 * with its dead-letter child ({@link DeadLetters}). Expressions are planned here, once per
 * compile, and shared by the operators of every task.
 */
final class StepCompiler {

	private final Compilation compilation;

	private final WindowCompiler windows;

	private final KeyedStateCompiler keyedState;

	private final Supplier<JoinCompiler> joins;

	private final IntervalJoinCompiler intervalJoins;

	private final Function<String, Stream> streams;

	/**
	 * @param joins the compiler of joins, known once the pipeline's tables are
	 * @param streams the compiled streams by name, for the stream a stream join names
	 */
	StepCompiler(Compilation compilation, Supplier<JoinCompiler> joins, Function<String, Stream> streams) {
		this.compilation = compilation;
		this.windows = new WindowCompiler(compilation);
		this.keyedState = new KeyedStateCompiler(compilation);
		this.joins = joins;
		this.intervalJoins = new IntervalJoinCompiler(compilation);
		this.streams = streams;
	}

	Stream compile(Stream in, Step step, String path) {
		return switch (step) {
			case Step.Filter filter -> {
				CelEvaluator condition = CelEvaluator.of(filter.condition());
				yield values(in, path, "filter", deadLetter -> () -> new Filter(path, deadLetter, condition));
			}
			case Step.SetFields set -> {
				Map<String, CelEvaluator> fields = new LinkedHashMap<>();
				set.fields().forEach((name, expression) -> fields.put(name, CelEvaluator.of(expression)));
				yield values(in, path, "set", deadLetter -> () -> new SetFields(path, deadLetter, fields));
			}
			case Step.Select select -> {
				Stream selected = values(in, path, "select",
						deadLetter -> () -> new Select(path, deadLetter, select.fields()));
				boolean keepsKey = in.keyField() != null && select.fields().contains(in.keyField());
				yield new Stream(selected.records(), in.needsRepartition(), in.lateness(), keepsKey ? in.keyField() : null);
			}
			case Step.Explode explode -> {
				CelEvaluator from = CelEvaluator.of(explode.from());
				yield values(in, path, "explode",
						deadLetter -> () -> new Explode(path, deadLetter, explode.field(), from));
			}
			case Step.KeyBy keyBy -> {
				CelEvaluator expression = CelEvaluator.of(keyBy.expression());
				String name = Compilation.name(path, "keyBy");
				ProcessorSupplier<String, Row, String, Row> operator = () -> new KeyBy(path, DeadLetters.child(name),
						keyBy.field(), expression);
				KStream<String, Row> keyed = in.records().process(operator, Named.as(name));
				yield in.rekeyed(DeadLetters.attach(compilation, keyed, name), keyBy.field());
			}
			case Step.Window window -> windows.compile(in, window, path);
			case Step.Dedupe dedupe -> keyedState.dedupe(in, dedupe, path);
			case Step.Running running -> keyedState.running(in, running, path);
			case Step.Rolling rolling -> keyedState.rolling(in, rolling, path);
			case Step.Crossing crossing -> keyedState.crossing(in, crossing, path);
			case Step.Changes changes -> keyedState.changes(in, changes, path);
			case Step.Join join -> joins.get().lookup(in, join, path);
			case Step.StreamJoin join -> intervalJoins.compile(in, streams.apply(join.stream()), join, path);
			case Step.GroupBy groupBy -> throw new IllegalArgumentException("groupBy at " + path +
					" aggregates a table, and validation lets it follow only tables: " + groupBy);
		};
	}

	/**
	 * A step that keeps the key, as the operator {@code operator} makes for the node name of its
	 * dead-letter child.
	 */
	private Stream values(Stream in, String path, String kind,
			Function<String, FixedKeyProcessorSupplier<String, Row, Row>> operator) {
		String name = Compilation.name(path, kind);
		KStream<String, Row> out = in.records().processValues(operator.apply(DeadLetters.child(name)), Named.as(name));
		return in.withRecords(DeadLetters.attach(compilation, out, name));
	}

}

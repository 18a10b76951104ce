package io.streamplane.engine.compile.internal.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.streamplane.engine.compile.internal.operator.Filter;
import io.streamplane.engine.compile.internal.operator.RowOperator;
import io.streamplane.engine.compile.internal.operator.Select;
import io.streamplane.engine.compile.internal.operator.SetFields;
import io.streamplane.engine.compile.internal.value.CelEvaluator;
import io.streamplane.engine.compile.internal.value.Row;
import io.streamplane.engine.compile.internal.wiring.Compilation;
import io.streamplane.engine.compile.internal.wiring.DeadLetters;
import io.streamplane.spec.Step;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Compiles what happens to tables: the steps of a transform whose records are a table's changelog
 * (per-row steps as {@link ChangelogStep}s, joins by {@link JoinCompiler}, group-bys by
 * {@link GroupByCompiler}), and the
 * {@link ChangeStream} that turns a changelog into the change stream an output writes.
 */
public final class ChangelogCompiler {

	private final Compilation compilation;

	private final JoinCompiler joins;

	public ChangelogCompiler(Compilation compilation, JoinCompiler joins) {
		this.compilation = compilation;
		this.joins = joins;
	}

	/**
	 * Applies one step to a changelog. The spec binder lets only per-row steps, joins and group-bys
	 * ({@link GroupByCompiler}) reach here.
	 */
	public KStream<String, Row> compile(KStream<String, Row> changelog, Step step, String path) {
		return switch (step) {
			case Step.Filter filter -> {
				CelEvaluator condition = CelEvaluator.of(filter.condition());
				yield perRow(changelog, path, "filter", deadLetter -> new Filter(path, deadLetter, condition));
			}
			case Step.SetFields set -> {
				Map<String, CelEvaluator> fields = new LinkedHashMap<>();
				set.fields().forEach((name, expression) -> fields.put(name, CelEvaluator.of(expression)));
				yield perRow(changelog, path, "set", deadLetter -> new SetFields(path, deadLetter, fields));
			}
			case Step.Select select -> perRow(changelog, path, "select",
					deadLetter -> new Select(path, deadLetter, select.fields()));
			case Step.Join join -> joins.table(changelog, join, path);
			case Step.GroupBy groupBy -> new GroupByCompiler(compilation, this).compile(changelog, groupBy, path);
			default -> throw new IllegalArgumentException("step at " + path + " does not apply to a table: " + step);
		};
	}

	/**
	 * The change stream of a changelog, for the output at {@code path}: from a store of the rows last
	 * emitted, or, when the changelog carries its own {@link Retraction retractions}, from them.
	 * @param retracted whether the changelog comes from a reactive join that {@link JoinCompiler#reactive
	 *        retracts} through per-row steps only
	 */
	public KStream<String, Row> changes(KStream<String, Row> changelog, String path, boolean retracted) {
		Named named = Named.as(Compilation.name(path, "changes"));
		if (retracted) {
			return changelog.process(ChangeStream::retracted, named);
		}
		String store = Compilation.name(path, "emitted");
		compilation.builder().addStateStore(Stores.keyValueStoreBuilder(compilation.keyValueStore(store),
				Serdes.String(), compilation.rows()));
		return changelog.process(() -> ChangeStream.remembering(store), named, store);
	}

	/**
	 * Whether the output at {@code path} ran before with a store of the rows it last emitted (its
	 * changelog exists): it keeps that store, and the changelog it writes must not carry retractions.
	 */
	public boolean remembersEmittedRows(String path) {
		return compilation.existing().hasInternalTopic(Compilation.name(path, "emitted") + "-changelog");
	}

	/**
	 * Applies a per-row operator to a changelog ({@link ChangelogStep}): deletes pass, a row the operator drops
	 * or fails on (dead-lettered) becomes a delete.
	 * @param kind what the operator does, naming its node {@code <path>.<kind>}
	 * @param operator the operator, given the node name of its dead-letter child
	 */
	public KStream<String, Row> perRow(KStream<String, Row> changelog, String path, String kind,
			Function<String, RowOperator> operator) {
		String name = Compilation.name(path, kind);
		String deadLetter = DeadLetters.child(name);
		KStream<String, Row> out = changelog.processValues(
				() -> new ChangelogStep(operator.apply(deadLetter), path, deadLetter), Named.as(name));
		return DeadLetters.attach(compilation, out, name);
	}

}

package io.streamplane.engine.compile.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.streamplane.spec.Step;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;

/**
 * Compiles one step of a transform, exhaustively over {@link Step}: each becomes its operator,
 * followed by the routing of its failures to the dead-letter topic. Expressions are planned here,
 * once per compile, and shared by the operators of every task.
 */
final class StepCompiler {

	private final Compilation compilation;

	private final WindowCompiler windows;

	StepCompiler(Compilation compilation) {
		this.compilation = compilation;
		this.windows = new WindowCompiler(compilation);
	}

	Stream compile(Stream in, Step step, String path) {
		return switch (step) {
			case Step.Filter filter -> {
				CelEvaluator condition = CelEvaluator.of(filter.condition());
				yield values(in, path, "filter", () -> new Filter(path, condition));
			}
			case Step.SetFields set -> {
				Map<String, CelEvaluator> fields = new LinkedHashMap<>();
				set.fields().forEach((name, expression) -> fields.put(name, CelEvaluator.of(expression)));
				yield values(in, path, "set", () -> new SetFields(path, fields));
			}
			case Step.Select select -> {
				Stream selected = values(in, path, "select", () -> new Select(path, select.fields()));
				boolean keepsKey = in.keyField() != null && select.fields().contains(in.keyField());
				yield new Stream(selected.records(), in.needsRepartition(), in.lateness(), keepsKey ? in.keyField() : null);
			}
			case Step.Explode explode -> {
				CelEvaluator from = CelEvaluator.of(explode.from());
				yield values(in, path, "explode", () -> new Explode(path, explode.field(), from));
			}
			case Step.KeyBy keyBy -> {
				CelEvaluator expression = CelEvaluator.of(keyBy.expression());
				String name = Compilation.name(path, "keyBy");
				KStream<String, Row> keyed = in.records().process(() -> new KeyBy(path, keyBy.field(), expression),
						Named.as(name));
				yield in.rekeyed(DeadLetters.route(compilation, keyed, name), keyBy.field());
			}
			case Step.Window window -> windows.compile(in, window, path);
		};
	}

	private Stream values(Stream in, String path, String kind, FixedKeyProcessorSupplier<String, Row, Row> operator) {
		String name = Compilation.name(path, kind);
		return in.withRecords(DeadLetters.route(compilation, in.records().processValues(operator, Named.as(name)), name));
	}

}

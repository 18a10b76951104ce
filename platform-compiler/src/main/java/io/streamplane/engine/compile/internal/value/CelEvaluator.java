package io.streamplane.engine.compile.internal.value;

import java.util.HashMap;
import java.util.Map;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.streamplane.spec.Expression;
import io.streamplane.spec.ExpressionEnvironment;
import io.streamplane.spec.RecordMetadata;

/**
 * One CEL expression of a spec, planned once at compile time and evaluated per record. Thread-safe.
 * Before evaluation each field the expression reads is converted to its checked type; a field the
 * record lacks, a mistyped field and an evaluation error are {@link RecordException}s. An expression
 * that is a bare variable, such as {@code keyBy: word}, evaluates to that converted value without
 * running the program, which is what the program would return.
 */
public final class CelEvaluator {

	private static final CelRuntime RUNTIME = ExpressionEnvironment.runtimeBuilder().build();

	private static final String KEY = "key";

	private final Expression expression;

	private final CelRuntime.Program program;

	private final Map<String, CelType> variables;

	private final String bareVariable;

	private CelEvaluator(Expression expression, CelRuntime.Program program) {
		this.expression = expression;
		this.program = program;
		this.variables = expression.variables();
		this.bareVariable = bareVariable(expression, variables);
	}

	/** Plans the expression's program. */
	public static CelEvaluator of(Expression expression) {
		try {
			return new CelEvaluator(expression, RUNTIME.createProgram(expression.ast()));
		}
		catch (CelEvaluationException ex) {
			throw new IllegalStateException("cannot plan expression \"" + expression.text() + "\": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Evaluates against a record and its key, where {@code meta} is not available (it is a record
	 * exception to read it); returns the raw CEL result.
	 */
	public Object evaluate(String key, Row row) {
		return evaluate(key, row, null);
	}

	/**
	 * Evaluates against a record, its key and its metadata; returns the raw CEL result.
	 * @param meta what {@code meta} reads, or {@code null} where it is not available
	 */
	public Object evaluate(String key, Row row, RecordMeta meta) {
		if (bareVariable != null) {
			return variable(bareVariable, variables.get(bareVariable), key, row, meta);
		}
		Map<String, Object> activation = new HashMap<>();
		variables.forEach((name, type) -> activation.put(name, variable(name, type, key, row, meta)));
		try {
			return program.eval(activation);
		}
		catch (CelEvaluationException ex) {
			throw new RecordException("expression \"" + expression.text() + "\" failed: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new RecordException("expression \"" + expression.text() + "\" failed: " + ex, ex);
		}
	}

	/** Evaluates and converts the result to a row value, see {@link JsonValues#fromCel}. */
	public Object value(String key, Row row) {
		return JsonValues.fromCel(evaluate(key, row));
	}

	/** Evaluates with the record's metadata and converts the result to a row value. */
	public Object value(String key, Row row, RecordMeta meta) {
		return JsonValues.fromCel(evaluate(key, row, meta));
	}

	/** The expression text, for messages. */
	public String text() {
		return expression.text();
	}

	private static String bareVariable(Expression expression, Map<String, CelType> variables) {
		CelExpr root = expression.ast().getExpr();
		if (root.getKind() == CelExpr.ExprKind.Kind.IDENT && variables.containsKey(root.ident().name())) {
			return root.ident().name();
		}
		return null;
	}

	private Object variable(String name, CelType type, String key, Row row, RecordMeta meta) {
		if (KEY.equals(name)) {
			return key == null ? NullValue.NULL_VALUE : key;
		}
		if (RecordMetadata.VARIABLE.equals(name) && RecordMetadata.TYPE.equals(type)) {
			if (meta == null) {
				throw new RecordException("\"" + expression.text() + "\" reads meta, the record metadata, which this " +
						"expression cannot see; read it in a step (filter, set, keyBy, ...) and keep it in a field");
			}
			return meta.toCel();
		}
		if (!row.fields().containsKey(name)) {
			throw new RecordException("missing field '" + name + "' needed by \"" + expression.text() + "\"");
		}
		return CelValues.toCel(name, row.fields().get(name), type);
	}

}

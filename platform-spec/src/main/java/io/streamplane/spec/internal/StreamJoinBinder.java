package io.streamplane.spec.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import io.streamplane.spec.Expression;
import io.streamplane.spec.Step;
import io.streamplane.spec.StreamJoinType;

/**
 * Binds {@code join: { stream, on, streamOn, within, type }}: a join with the records of another
 * source or transform whose key is equal and whose event time is within {@code within}; inner,
 * left, right or full. The other
 * stream is bound before the transform (it is one of its dependencies, {@link #references}); its
 * schema types {@code streamOn} and adds its fields to the schema after the join.
 */
final class StreamJoinBinder {

	private static final List<String> FIELDS = List.of("stream", "on", "streamOn", "within", "type");

	private static final List<CelKind> KEY_KINDS = List.of(CelKind.STRING, CelKind.INT, CelKind.UINT, CelKind.BOOL,
			CelKind.DYN);

	private final ExpressionCompiler expressions;

	private final WindowLimits limits;

	private final JoinableStreams streams;

	StreamJoinBinder(ExpressionCompiler expressions, WindowLimits limits, JoinableStreams streams) {
		this.expressions = expressions;
		this.limits = limits;
		this.streams = streams;
	}

	/** Whether a {@code join} step joins a stream rather than a table. */
	static boolean isStreamJoin(Node body) {
		return body.value().isObject() && body.value().has("stream");
	}

	/** The streams named by the stream joins among a transform's steps, without reporting anything. */
	static List<String> references(Node transform) {
		List<String> names = new ArrayList<>();
		if (!transform.value().isObject() || !transform.value().path("steps").isArray()) {
			return names;
		}
		transform.value().path("steps").forEach(step -> {
			if (step.path("join").path("stream").isString()) {
				names.add(step.path("join").path("stream").stringValue());
			}
		});
		return names;
	}

	Bound<Step> bind(Node node, Schema in) {
		if (!node.isObjectWith(FIELDS)) {
			return Bound.of(Optional.empty(), Schema.dynamic());
		}
		Optional<String> stream = node.required("stream").flatMap(Node::text).filter(name -> checkStream(node, name));
		Schema other = stream.map(name -> streams.schemas().getOrDefault(name, Schema.dynamic())).orElse(Schema.dynamic());
		Optional<Expression> on = node.required("on").flatMap(onNode -> expressions.compile(onNode, in))
			.filter(expression -> checkKeyType(node.field("on"), expression));
		Optional<Expression> streamOn = node.required("streamOn").flatMap(onNode -> expressions.compile(onNode, other))
			.filter(expression -> checkKeyType(node.field("streamOn"), expression));
		Optional<Duration> within = node.required("within").flatMap(limits::size);
		Optional<StreamJoinType> type = node.optional("type").map(StreamJoinBinder::type)
			.orElse(Optional.of(StreamJoinType.INNER));
		Schema out = joined(in, other, stream.orElse("other"), sharedKey(on, streamOn));
		if (stream.isEmpty() || on.isEmpty() || streamOn.isEmpty() || within.isEmpty() || type.isEmpty()) {
			return Bound.of(Optional.empty(), out);
		}
		return Bound.of(Optional.of(new Step.StreamJoin(stream.get(), on.get(), streamOn.get(), within.get(), type.get(),
				List.copyOf(in.fields().keySet()), List.copyOf(other.fields().keySet()))), out);
	}

	private boolean checkStream(Node node, String name) {
		Node at = node.field("stream");
		if (streams.tables().contains(name)) {
			at.report("'" + name + "' is a table, not a stream of events; join a table with join: { table: " + name +
					", on: <key> }");
			return false;
		}
		if (!streams.defined().contains(name)) {
			at.report("undefined stream '" + name + "'" + Suggestions.hint(name, streams.streams(),
					"defined sources and transforms"));
			return false;
		}
		return true;
	}

	private static Optional<StreamJoinType> type(Node node) {
		Optional<String> type = node.text();
		Optional<StreamJoinType> known = type.flatMap(text -> Arrays.stream(StreamJoinType.values())
			.filter(value -> value.name().toLowerCase(Locale.ROOT).equals(text)).findFirst());
		if (known.isEmpty()) {
			node.report("unknown value \"" + type.orElse("") + "\"; a stream join is type: inner (pairs only), left, " +
					"right or full (also the events of this stream, the other or both that found no match)" +
					("outer".equals(type.orElse("")) ? "; an outer join is type: full" : ""));
		}
		return known;
	}

	private static boolean checkKeyType(Node node, Expression key) {
		if (KEY_KINDS.contains(key.resultType().kind())) {
			return true;
		}
		node.report("a stream join key must be a string, int or bool, but \"" + key.text() + "\" is " +
				key.resultType().name() + "; e.g. on: impression_id");
		return false;
	}

	/** The field both keys name, when {@code on} and {@code streamOn} are the same field; otherwise null. */
	static String sharedKey(Optional<Expression> on, Optional<Expression> streamOn) {
		String left = on.map(StreamJoinBinder::fieldName).orElse(null);
		return left != null && left.equals(streamOn.map(StreamJoinBinder::fieldName).orElse(null)) ? left : null;
	}

	private static String fieldName(Expression expression) {
		CelExpr expr = expression.ast().getExpr();
		return expr.getKind() == CelExpr.ExprKind.Kind.IDENT && !"key".equals(expr.ident().name())
				? expr.ident().name() : null;
	}

	/** The record's fields, then the other's, renamed {@code <stream>_<field>} where the record has the name. */
	private static Schema joined(Schema in, Schema other, String stream, String sharedKey) {
		Map<String, CelType> fields = new LinkedHashMap<>(in.fields());
		other.fields().forEach((name, type) -> {
			if (!in.fields().containsKey(name)) {
				fields.put(name, type);
			}
			else if (!name.equals(sharedKey)) {
				fields.put(stream + "_" + name, type);
			}
		});
		return new Schema(fields, in.open() || other.open(), null);
	}

}

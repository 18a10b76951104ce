package io.streamplane.rag.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

import tools.jackson.databind.JsonNode;

import io.streamplane.rag.index.internal.ChunkFields;

/**
 * Metadata filters: a JSON object whose entries must all hold.
 * <ul>
 * <li>{@code {"category": "streaming"}}: equality with a string, number or boolean;</li>
 * <li>{@code {"category": {"in": ["streaming", "ml"]}}}: one of several values;</li>
 * <li>{@code {"year": {"gte": 2020, "lt": 2025}}}: a range with {@code gt}, {@code gte}, {@code lt}, {@code lte}
 * (numbers, or strings compared as text); {@code {"year": {"eq": 2024}}} is equality;</li>
 * <li>{@code {"and": [f, ...]}}, {@code {"or": [f, ...]}}, {@code {"not": f}}: combinations.</li>
 * </ul>
 * An array-valued metadata field matches when one of its elements does. {@code and}, {@code or} and {@code not}
 * are operators, never field names. Every problem is collected with its JSON path (e.g.
 * {@code filter.and[1].year.gte}) before the filter is refused.
 */
public final class FilterQueries {

	private static final Set<String> RANGES = Set.of("gt", "gte", "lt", "lte");

	/** A problem of a filter at a path. */
	public record Problem(String path, String message) {
	}

	private final int maxConditions;

	private final List<Problem> problems = new ArrayList<>();

	private int conditions;

	private FilterQueries(int maxConditions) {
		this.maxConditions = maxConditions;
	}

	/**
	 * The Lucene query of {@code filter} at {@code path}, adding each problem to {@code problems}.
	 *
	 * @param filter the filter JSON; {@code null} or JSON null is no filter (returns {@code null})
	 * @param path the filter's path in the request, e.g. {@code filter}
	 * @param maxConditions the most field conditions one filter may hold
	 * @param problems where problems go
	 * @return the query, or {@code null} for no filter or when there were problems
	 */
	public static Query parse(JsonNode filter, String path, int maxConditions, List<Problem> problems) {
		if (filter == null || filter.isNull() || filter.isMissingNode()) {
			return null;
		}
		FilterQueries parser = new FilterQueries(maxConditions);
		Query query = parser.object(filter, path);
		if (parser.conditions > maxConditions) {
			parser.problems.add(new Problem(path, "has " + parser.conditions + " conditions; at most " + maxConditions
					+ " are allowed"));
		}
		problems.addAll(parser.problems);
		return parser.problems.isEmpty() ? query : null;
	}

	/**
	 * The chunks whose metadata field {@code field} matches a glob ({@code *} any characters, {@code ?} one), as
	 * Pathway's {@code filepath_globpattern} matches {@code path}.
	 */
	public static Query glob(String field, String pattern) {
		return new WildcardQuery(new Term(ChunkFields.METADATA_PREFIX + field, pattern));
	}

	private Query object(JsonNode node, String path) {
		if (!node.isObject() || node.isEmpty()) {
			problems.add(new Problem(path, "must be a non-empty JSON object such as {\"category\": \"streaming\"}"));
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			Query clause = entry(entry.getKey(), entry.getValue(), path + "." + entry.getKey());
			if (clause != null) {
				all.add(clause, Occur.FILTER);
			}
		}
		return all.build();
	}

	private Query entry(String name, JsonNode value, String path) {
		return switch (name) {
			case "and" -> combination(value, path, Occur.FILTER);
			case "or" -> combination(value, path, Occur.SHOULD);
			case "not" -> {
				Query inner = object(value, path);
				yield inner == null ? null : new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, Occur.FILTER)
					.add(inner, Occur.MUST_NOT).build();
			}
			default -> field(ChunkFields.METADATA_PREFIX + name, value, path);
		};
	}

	private Query combination(JsonNode value, String path, Occur occur) {
		if (!value.isArray() || value.isEmpty()) {
			problems.add(new Problem(path, "must be a non-empty array of filter objects"));
			return null;
		}
		BooleanQuery.Builder combined = new BooleanQuery.Builder();
		for (int i = 0; i < value.size(); i++) {
			Query inner = object(value.get(i), path + "[" + i + "]");
			if (inner != null) {
				combined.add(inner, occur);
			}
		}
		return combined.build();
	}

	private Query field(String field, JsonNode value, String path) {
		conditions++;
		if (value.isValueNode()) {
			return equality(field, value, path);
		}
		if (!value.isObject() || value.isEmpty()) {
			problems.add(new Problem(path, "must be a value, or an object with in, eq, gt, gte, lt or lte"));
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (Map.Entry<String, JsonNode> operator : value.properties()) {
			String at = path + "." + operator.getKey();
			Query clause = switch (operator.getKey()) {
				case "eq" -> equality(field, operator.getValue(), at);
				case "in" -> in(field, operator.getValue(), at);
				default -> RANGES.contains(operator.getKey()) ? range(field, operator.getKey(), operator.getValue(), at)
						: unknownOperator(operator.getKey(), at);
			};
			if (clause != null) {
				all.add(clause, Occur.FILTER);
			}
		}
		return all.build();
	}

	private Query unknownOperator(String operator, String path) {
		problems.add(new Problem(path, "unknown operator '" + operator + "'; use in, eq, gt, gte, lt or lte"));
		return null;
	}

	private Query equality(String field, JsonNode value, String path) {
		if (value.isNumber()) {
			return DoublePoint.newExactQuery(field, value.asDouble());
		}
		if (value.isString() || value.isBoolean()) {
			return new TermQuery(new Term(field, value.asString()));
		}
		problems.add(new Problem(path, "must be a string, number or boolean, got " + value));
		return null;
	}

	private Query in(String field, JsonNode values, String path) {
		if (!values.isArray() || values.isEmpty()) {
			problems.add(new Problem(path, "must be a non-empty array of values"));
			return null;
		}
		conditions += values.size() - 1;
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (int i = 0; i < values.size(); i++) {
			Query one = equality(field, values.get(i), path + "[" + i + "]");
			if (one != null) {
				any.add(one, Occur.SHOULD);
			}
		}
		return any.build();
	}

	private Query range(String field, String operator, JsonNode bound, String path) {
		boolean lower = operator.startsWith("g");
		boolean inclusive = operator.endsWith("e");
		if (bound.isNumber()) {
			double value = bound.asDouble();
			if (!inclusive) {
				value = lower ? Math.nextUp(value) : Math.nextDown(value);
			}
			return lower ? DoublePoint.newRangeQuery(field, value, Double.POSITIVE_INFINITY)
					: DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, value);
		}
		if (bound.isString()) {
			String value = bound.asString();
			return lower ? TermRangeQuery.newStringRange(field, value, null, inclusive, false)
					: TermRangeQuery.newStringRange(field, null, value, false, inclusive);
		}
		problems.add(new Problem(path, "must be a number or a string, got " + bound));
		return null;
	}

}

package io.streamplane.rag.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.Query;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.index.FilterQueries;
import io.streamplane.rag.index.FilterQueries.Problem;
import io.streamplane.rag.index.SearchMode;
import io.streamplane.rag.index.SearchQuery;

/**
 * Reads and bounds search requests: {@code {"query": "...", "k": 5, "filter": {...}, "mode": "hybrid"}} (k
 * defaults to 5, mode to hybrid). Every problem is collected with its JSON path before the request is refused.
 */
final class SearchRequests {

	static final int DEFAULT_K = 5;

	private static final Set<String> FIELDS = Set.of("query", "k", "filter", "mode");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RagIndexerProperties limits;

	SearchRequests(RagIndexerProperties limits) {
		this.limits = limits;
	}

	/** The search a JSON body asks for. */
	SearchQuery fromBody(String body) {
		JsonNode node = parse(body);
		List<Problem> problems = new ArrayList<>();
		if (!node.isObject()) {
			throw invalid(List.of(new Problem("$", "the body must be a JSON object such as {\"query\": \"...\"}")));
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!FIELDS.contains(field.getKey())) {
				problems.add(new Problem(field.getKey(), "unknown field; use query, k, filter and mode"));
			}
		}
		String query = node.path("query").isString() ? node.path("query").asString() : null;
		if (!node.path("query").isMissingNode() && query == null) {
			problems.add(new Problem("query", "must be a string"));
		}
		Integer k = DEFAULT_K;
		JsonNode kNode = node.path("k");
		if (!kNode.isMissingNode() && !kNode.isNull()) {
			k = kNode.isIntegralNumber() && kNode.canConvertToInt() ? kNode.asInt() : null;
			if (k == null) {
				problems.add(new Problem("k", "must be an integer from 1 to " + limits.maxK()));
				k = DEFAULT_K;
			}
		}
		SearchMode mode = SearchMode.HYBRID;
		JsonNode modeNode = node.path("mode");
		if (!modeNode.isMissingNode() && !modeNode.isNull()) {
			mode = modeNode.isString() ? SearchMode.of(modeNode.asString()).orElse(null) : null;
			if (mode == null) {
				problems.add(new Problem("mode", "must be vector, keyword or hybrid, got " + modeNode));
				mode = SearchMode.HYBRID;
			}
		}
		Query filter = FilterQueries.parse(node.get("filter"), "filter", limits.maxFilterConditions(), problems);
		return validated(query, k, filter, mode, problems);
	}

	/** The search of {@code GET /search/{index}?q=&k=&mode=}. */
	SearchQuery fromParameters(String q, String k, String mode) {
		List<Problem> problems = new ArrayList<>();
		int hits = DEFAULT_K;
		if (k != null) {
			try {
				hits = Integer.parseInt(k.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem("k", "must be an integer from 1 to " + limits.maxK() + ", got '" + k + "'"));
			}
		}
		SearchMode ranking = mode == null ? SearchMode.HYBRID : SearchMode.of(mode).orElse(null);
		if (ranking == null) {
			problems.add(new Problem("mode", "must be vector, keyword or hybrid, got '" + mode + "'"));
			ranking = SearchMode.HYBRID;
		}
		return validated(q, hits, null, ranking, problems);
	}

	/** Checks the bounds shared by every form of search. */
	SearchQuery validated(String query, int k, Query filter, SearchMode mode, List<Problem> problems) {
		if (query == null || query.isBlank()) {
			problems.add(0, new Problem("query", "is required: the text to search for"));
		}
		else if (query.length() > limits.maxQueryLength()) {
			problems.add(0, new Problem("query", "has " + query.length() + " characters; at most "
					+ limits.maxQueryLength() + " are allowed (" + RagIndexerProperties.PREFIX + ".max-query-length)"));
		}
		if (k < 1 || k > limits.maxK()) {
			problems.add(new Problem("k", "must be from 1 to " + limits.maxK() + " (" + RagIndexerProperties.PREFIX
					+ ".max-k), got " + k));
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return new SearchQuery(query, k, filter, mode);
	}

	static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			throw invalid(List.of(new Problem("$", "the request needs a JSON body")));
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid(List.of(new Problem("$", "not JSON: " + ex.getOriginalMessage())));
		}
	}

	static SearchRequestException invalid(List<Problem> problems) {
		return new SearchRequestException(SearchProblems.invalid(problems));
	}

}

package io.streamplane.rag.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.index.FilterQueries;
import io.streamplane.rag.index.FilterQueries.Problem;
import io.streamplane.rag.index.Hit;
import io.streamplane.rag.index.IndexStatistics;
import io.streamplane.rag.index.IndexStore;
import io.streamplane.rag.index.SearchMode;
import io.streamplane.rag.index.SearchQuery;
import io.streamplane.rag.ingest.Indexes;

/**
 * Pathway's DocumentStore server under each index, so LangChain's {@code PathwayVectorClient} and LlamaIndex's
 * {@code PathwayRetriever} work with {@code url=http://host:8080/search/<index>}: {@code /v1/retrieve}
 * ({@code {"query", "k", "metadata_filter", "filepath_globpattern"}} → {@code [{"text", "metadata", "dist"}]},
 * {@code dist = -score} ascending; vector search; k defaults to 3), {@code /v1/statistics}
 * ({@code {"file_count", "last_modified", "last_indexed"}}: rows, the newest change's source time and the last
 * indexing time, unix seconds) and {@code /v1/inputs} (each row's key and metadata), over GET (query parameters)
 * and POST (JSON). {@code metadata_filter} is the JMESPath subset of {@link JmesPathFilter};
 * {@code filepath_globpattern} matches the metadata field {@code path}.
 */
@RestController
final class PathwayController {

	private static final int DEFAULT_K = 3;

	private static final int MAX_INPUTS = 10_000;

	/** One retrieved chunk, as Pathway answers it. */
	record Retrieved(String text, Map<String, Object> metadata, double dist) {
	}

	/** Pathway's statistics. */
	record Statistics(long file_count, Long last_modified, Long last_indexed) {
	}

	private final Indexes indexes;

	private final SearchRequests requests;

	private final RagIndexerProperties limits;

	PathwayController(Indexes indexes, SearchRequests requests, RagIndexerProperties limits) {
		this.indexes = indexes;
		this.requests = requests;
		this.limits = limits;
	}

	@RequestMapping(path = "/search/{index}/v1/retrieve", method = { RequestMethod.GET, RequestMethod.POST },
			consumes = MediaType.ALL_VALUE)
	List<Retrieved> retrieve(@PathVariable String index, @RequestBody(required = false) String body,
			@RequestParam Map<String, String> parameters) {
		IndexStore store = SearchController.store(indexes, index);
		Map<String, Object> request = request(body, parameters);
		List<Problem> problems = new ArrayList<>();
		int k = DEFAULT_K;
		Object kValue = request.get("k");
		if (kValue != null) {
			try {
				k = Integer.parseInt(kValue.toString());
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem("k", "must be an integer, got " + kValue));
			}
		}
		Query filter = filter(request, problems);
		Object query = request.get("query");
		SearchQuery search = requests.validated(query == null ? null : query.toString(), k, filter, SearchMode.VECTOR,
				problems);
		List<Retrieved> retrieved = new ArrayList<>();
		for (Hit hit : store.search(search)) {
			Map<String, Object> metadata = new LinkedHashMap<>(hit.metadata());
			metadata.putIfAbsent("id", hit.id());
			retrieved.add(new Retrieved(hit.text(), metadata, -hit.score()));
		}
		return retrieved;
	}

	@RequestMapping(path = "/search/{index}/v1/statistics", method = { RequestMethod.GET, RequestMethod.POST },
			consumes = MediaType.ALL_VALUE)
	Statistics statistics(@PathVariable String index) {
		IndexStore store = SearchController.store(indexes, index);
		IndexStatistics statistics = store.statistics();
		long modified = store.lastSourceTime();
		return new Statistics(statistics.rows(), modified == 0 ? null : modified / 1000,
				statistics.lastIndexedAt() == null ? null : statistics.lastIndexedAt().getEpochSecond());
	}

	@RequestMapping(path = "/search/{index}/v1/inputs", method = { RequestMethod.GET, RequestMethod.POST },
			consumes = MediaType.ALL_VALUE)
	List<Map<String, Object>> inputs(@PathVariable String index, @RequestBody(required = false) String body,
			@RequestParam Map<String, String> parameters) {
		IndexStore store = SearchController.store(indexes, index);
		List<Problem> problems = new ArrayList<>();
		Query filter = filter(request(body, parameters), problems);
		if (!problems.isEmpty()) {
			throw SearchRequests.invalid(problems);
		}
		return store.rows(filter, MAX_INPUTS);
	}

	private static Map<String, Object> request(String body, Map<String, String> parameters) {
		Map<String, Object> request = new LinkedHashMap<>(parameters);
		if (body != null && !body.isBlank()) {
			JsonNode json = SearchRequests.parse(body);
			if (!json.isObject()) {
				throw SearchRequests.invalid(List.of(new Problem("$", "the body must be a JSON object")));
			}
			for (Map.Entry<String, JsonNode> field : json.properties()) {
				JsonNode value = field.getValue();
				request.put(field.getKey(), value.isNull() ? null : value.isString() ? value.asString() : value.toString());
			}
		}
		return request;
	}

	private Query filter(Map<String, Object> request, List<Problem> problems) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		boolean any = false;
		Object expression = request.get("metadata_filter");
		if (expression != null && !expression.toString().isBlank()) {
			try {
				Query metadata = FilterQueries.parse(JmesPathFilter.toFilter(expression.toString()), "metadata_filter",
						limits.maxFilterConditions(), problems);
				if (metadata != null) {
					all.add(metadata, Occur.FILTER);
					any = true;
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Problem("metadata_filter", ex.getMessage()));
			}
		}
		Object glob = request.get("filepath_globpattern");
		if (glob != null && !glob.toString().isBlank()) {
			all.add(FilterQueries.glob("path", glob.toString()), Occur.FILTER);
			any = true;
		}
		return any ? all.build() : null;
	}

}

package io.streamplane.rag.web;

import java.util.Collection;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.streamplane.rag.index.Hit;
import io.streamplane.rag.index.IndexStatistics;
import io.streamplane.rag.index.IndexStore;
import io.streamplane.rag.ingest.Indexes;

/**
 * The search API: {@code POST /search/{index}} with a JSON search, {@code GET /search/{index}?q=&k=&mode=} for
 * quick use, {@code GET /search/{index}} for the index's statistics and {@code GET /search} for every index's.
 */
@RestController
final class SearchController {

	/** The answer of a search. */
	record SearchAnswer(String index, List<Hit> hits) {
	}

	/** The answer of {@code GET /search}. */
	record IndexList(Collection<IndexStatistics> indexes) {
	}

	private final Indexes indexes;

	private final SearchRequests requests;

	SearchController(Indexes indexes, SearchRequests requests) {
		this.indexes = indexes;
		this.requests = requests;
	}

	@GetMapping("/search")
	IndexList list() {
		return new IndexList(indexes.all().stream().map(IndexStore::statistics).toList());
	}

	@GetMapping(path = "/search/{index}", params = "!q")
	IndexStatistics statistics(@PathVariable String index) {
		return store(indexes, index).statistics();
	}

	@GetMapping(path = "/search/{index}", params = "q")
	SearchAnswer quickSearch(@PathVariable String index, @RequestParam String q,
			@RequestParam(required = false) String k, @RequestParam(required = false) String mode) {
		IndexStore store = store(indexes, index);
		return new SearchAnswer(index, store.search(requests.fromParameters(q, k, mode)));
	}

	@PostMapping(path = "/search/{index}", consumes = MediaType.ALL_VALUE)
	SearchAnswer search(@PathVariable String index, @RequestBody(required = false) String body) {
		IndexStore store = store(indexes, index);
		return new SearchAnswer(index, store.search(requests.fromBody(body)));
	}

	static IndexStore store(Indexes indexes, String index) {
		return indexes.find(index).orElseThrow(() -> new SearchRequestException(SearchProblems.notFound("no index '"
				+ index + "'; GET /search lists the indexes (index names are unique across pipelines)")));
	}


}

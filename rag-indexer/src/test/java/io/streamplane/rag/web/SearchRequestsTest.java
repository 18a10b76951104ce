package io.streamplane.rag.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamplane.rag.RagIndexerProperties;
import io.streamplane.rag.embed.EmbeddingProperties;
import io.streamplane.rag.index.FilterQueries.Problem;
import io.streamplane.rag.index.HnswQuery;
import io.streamplane.rag.index.SearchMode;
import io.streamplane.rag.index.SearchQuery;

class SearchRequestsTest {

	private final SearchRequests requests = new SearchRequests(new RagIndexerProperties(Path.of("x"),
			Duration.ofMillis(100), Duration.ofSeconds(1), 256, Duration.ofMillis(500), 20, 10, 3, HnswQuery.DEFAULT_CANDIDATES, null,
			EmbeddingProperties.defaults()));

	@Test
	void shouldDefaultToFiveHybridHits() {
		SearchQuery query = requests.fromBody("{\"query\": \"exactly once\"}");

		assertThat(query).extracting(SearchQuery::text, SearchQuery::k, SearchQuery::filter, SearchQuery::mode)
			.containsExactly("exactly once", 5, null, SearchMode.HYBRID);
	}

	@Test
	void shouldListEveryProblemWithItsPath() {
		SearchRequestException refused = catchThrowableOfType(SearchRequestException.class,
				() -> requests.fromBody("{\"query\": \"" + "x".repeat(21) + "\", \"k\": 11, \"mode\": \"fuzzy\", "
						+ "\"filter\": {\"a\": 1, \"b\": 2, \"c\": {\"in\": [1, 2]}}, \"top\": 3}"));

		@SuppressWarnings("unchecked")
		List<Problem> problems = (List<Problem>) refused.problem().getProperties().get("problems");
		assertThat(refused.problem().getStatus()).isEqualTo(400);
		assertThat(problems).extracting(Problem::path).containsExactly("query", "top", "mode", "filter", "k");
	}

	@Test
	void shouldBoundTheQuickSearchToo() {
		SearchRequestException refused = catchThrowableOfType(SearchRequestException.class,
				() -> requests.fromParameters(" ", "many", null));

		assertThat(refused.problem().getDetail()).contains("query: is required", "k: must be an integer");
	}

}

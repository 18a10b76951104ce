package io.streamplane.langchain4j;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.streamplane.langchain4j.internal.HitContents;
import io.streamplane.langchain4j.internal.SearchHttp;

/**
 * Retrieves the chunks of a Streamplane index most relevant to a query, through {@code POST /search/{index}}:
 * <pre>
 * ContentRetriever retriever = StreamplaneContentRetriever.builder()
 *     .baseUrl("http://localhost:8080")
 *     .index("docs")
 *     .maxResults(5)
 *     .filter(Map.of("category", "streaming"))
 *     .build();
 * </pre>
 * Each hit becomes a {@link Content} whose segment is the chunk's text with the row's metadata and primary key;
 * see {@link HitContents} for the metadata types. Thread-safe: one instance serves any number of threads. A
 * refused or failed search throws {@link StreamplaneSearchException}.
 */
public final class StreamplaneContentRetriever implements ContentRetriever {

	private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

	private final SearchHttp http;

	private final String index;

	private final int maxResults;

	private final SearchMode mode;

	private final Function<Query, Map<String, ?>> filter;

	private StreamplaneContentRetriever(Builder builder) {
		this.http = new SearchHttp(builder.baseUrl, builder.token, builder.timeout,
				builder.httpClient != null ? builder.httpClient
						: HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(builder.timeout).build());
		this.index = builder.index;
		this.maxResults = builder.maxResults;
		this.mode = builder.mode;
		this.filter = builder.filter;
	}

	/** A builder; {@link Builder#baseUrl} and {@link Builder#index} are required. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public List<Content> retrieve(Query query) {
		Map<String, ?> where = filter.apply(query);
		return http.search(index, query.text(), maxResults, where, mode == null ? null : mode.apiName()).stream()
			.map(HitContents::content)
			.toList();
	}

	/** Builds a {@link StreamplaneContentRetriever}. */
	public static final class Builder {

		private URI baseUrl;

		private String index;

		private int maxResults = 5;

		private SearchMode mode;

		private Function<Query, Map<String, ?>> filter = query -> null;

		private String token;

		private Duration timeout = Duration.ofSeconds(10);

		private HttpClient httpClient;

		private Builder() {
		}

		/** The platform's address, e.g. {@code http://localhost:8080}; required. */
		public Builder baseUrl(String baseUrl) {
			return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
		}

		/** The platform's address; required. */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
			return this;
		}

		/** The index searched, as named in the pipeline's {@code indexes:}; required. */
		public Builder index(String index) {
			this.index = Objects.requireNonNull(index, "index");
			return this;
		}

		/** The most contents returned for one query ({@code k}); default 5. */
		public Builder maxResults(int maxResults) {
			this.maxResults = maxResults;
			return this;
		}

		/** How chunks are ranked; by default the server's default mode. */
		public Builder mode(SearchMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * A metadata filter for every query, as the search API takes it, e.g. {@code Map.of("category",
		 * "streaming")} for equality; see the search documentation for {@code in}, ranges, {@code and},
		 * {@code or}, {@code not}.
		 */
		public Builder filter(Map<String, ?> filter) {
			Map<String, ?> fixed = filter == null ? null : Map.copyOf(filter);
			this.filter = query -> fixed;
			return this;
		}

		/** A metadata filter chosen per query, e.g. from its chat memory id; {@code null} means none. */
		public Builder dynamicFilter(Function<Query, Map<String, ?>> filter) {
			this.filter = Objects.requireNonNull(filter, "filter");
			return this;
		}

		/** The read token, sent as {@code Authorization: Bearer <token>}, when the server requires one. */
		public Builder token(String token) {
			this.token = token;
			return this;
		}

		/** How long one search may take, connecting included; default 10 seconds. */
		public Builder timeout(Duration timeout) {
			this.timeout = Objects.requireNonNull(timeout, "timeout");
			return this;
		}

		/** The HTTP client to send searches with, e.g. one with a proxy; by default a new one. */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/** @throws IllegalArgumentException naming a missing or invalid setting */
		public StreamplaneContentRetriever build() {
			if (baseUrl == null || baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http")) {
				throw new IllegalArgumentException("baseUrl must be the platform's http(s) address, e.g. " +
						"http://localhost:8080; got " + baseUrl);
			}
			if (index == null || !INDEX_NAME.matcher(index).matches()) {
				throw new IllegalArgumentException("index must name an index of a pipeline's indexes: (a letter, then " +
						"up to 62 letters, digits, '_' or '-'), e.g. docs; got " + (index == null ? "none" : "'" + index + "'"));
			}
			if (maxResults < 1) {
				throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("timeout must be positive, got " + timeout);
			}
			return new StreamplaneContentRetriever(this);
		}

	}

}

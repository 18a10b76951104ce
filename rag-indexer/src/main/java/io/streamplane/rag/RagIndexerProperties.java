package io.streamplane.rag;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.streamplane.rag.embed.EmbeddingProperties;
import io.streamplane.rag.index.HnswQuery;

/**
 * Configuration of the rag-indexer role ({@code streamplane.rag-indexer.*}).
 *
 * @param dataDir directory of the Lucene indexes, one sub-directory per pipeline and index
 * ({@code <pipeline>/<index>}); one per indexer process, never shared; relative paths resolve against the
 * working directory
 * @param refreshInterval longest time between a change applied and it being searchable (near-real-time
 * refresh); at most 1s
 * @param commitInterval how often applied changes are committed with their topic offsets; a crash replays at
 * most this much of the index topic (without duplicates: replays are idempotent)
 * @param batchSize most index records one poll returns; they are applied (chunked, embedded, written and made
 * searchable) in batches of at most what the embedder works on at once ({@link #applyBatch()})
 * @param pollTimeout longest time one poll of an index topic waits for records
 * @param maxQueryLength most characters in a search's query text; longer is a 400
 * @param maxK most hits one search may ask for; more is a 400
 * @param maxFilterConditions most field conditions in one filter; more is a 400
 * @param vectorCandidates candidates the HNSW graph search explores per vector search (HNSW's {@code ef},
 * Elasticsearch's {@code num_candidates}, Qdrant's {@code hnsw_ef}): the search explores
 * {@code max(k, vectorCandidates)} and returns the best k (hybrid searches explore at least their
 * {@code max(4k, 20)}). More finds more of the true nearest neighbours and costs time roughly in proportion;
 * 1 to {@value io.streamplane.rag.index.HnswQuery#MAX_CANDIDATES}
 * @param readToken when set, every request to {@code /search/**} must carry {@code Authorization: Bearer
 * <readToken>} (else 401), and so must {@code /v1/embeddings}; at least 16 characters; unset, searches are open.
 * Never logged
 * @param embedding the model that embeds chunks and queries ({@code streamplane.rag-indexer.embedding.*})
 */
@Validated
@ConfigurationProperties(RagIndexerProperties.PREFIX)
public record RagIndexerProperties(@NotNull @DefaultValue("./data/indexes") Path dataDir,
		@NotNull @DefaultValue("100ms") Duration refreshInterval, @NotNull @DefaultValue("1s") Duration commitInterval,
		@Min(1) @Max(10_000) @DefaultValue("256") int batchSize, @NotNull @DefaultValue("500ms") Duration pollTimeout,
		@Min(1) @Max(100_000) @DefaultValue("2000") int maxQueryLength, @Min(1) @Max(1_000) @DefaultValue("100") int maxK,
		@Min(1) @Max(1_000) @DefaultValue("64") int maxFilterConditions,
		@Min(value = 1, message = VECTOR_CANDIDATES_RANGE) @Max(value = HnswQuery.MAX_CANDIDATES,
				message = VECTOR_CANDIDATES_RANGE) @DefaultValue("" + HnswQuery.DEFAULT_CANDIDATES) int vectorCandidates,
		String readToken,
		@Valid @DefaultValue EmbeddingProperties embedding) {

	/** The prefix of every rag-indexer property. */
	public static final String PREFIX = "streamplane.rag-indexer";

	private static final String VECTOR_CANDIDATES_RANGE = "vector-candidates (HNSW candidates explored per vector "
			+ "search) must be from 1 to " + HnswQuery.MAX_CANDIDATES + "; the default is " + HnswQuery.DEFAULT_CANDIDATES;

	/**
	 * Most texts per thread of the in-process model in one applied batch. From about 8 texts per ONNX run on, the
	 * model spends more CPU per text, not less (8.8–8.9 core-ms per text in runs of 8 against 9.6–9.7 in runs of 32,
	 * measured under the benchmark lock, docs/benchmarks.md, session 15), while every change of a batch waits for
	 * all of it.
	 */
	static final int APPLY_TEXTS_PER_THREAD = 8;

	/**
	 * Most changes applied at once, at most {@link #batchSize()}: in process, {@value #APPLY_TEXTS_PER_THREAD} texts
	 * (at most its batch size) per embedding thread, so a backlog drains in batches that each become searchable
	 * soon, at no cost in throughput; with a remote embedder, one request's batch.
	 */
	public int applyBatch() {
		int atOnce = embedding.provider() == EmbeddingProperties.Provider.IN_PROCESS
				? Math.min(embedding.batchSize(), APPLY_TEXTS_PER_THREAD) * embedding.effectiveThreads()
				: embedding.textsAtOnce();
		return Math.max(1, Math.min(batchSize, atOnce));
	}

	/** Whether searches need the {@link #readToken()}. */
	public boolean readTokenRequired() {
		return readToken != null && !readToken.isEmpty();
	}

	/** Every component but the read token, which shows as {@code ******} when set. */
	@Override
	public String toString() {
		return "RagIndexerProperties[dataDir=" + dataDir + ", refreshInterval=" + refreshInterval
				+ ", commitInterval=" + commitInterval + ", batchSize=" + batchSize + ", pollTimeout=" + pollTimeout
				+ ", maxQueryLength=" + maxQueryLength + ", maxK=" + maxK + ", maxFilterConditions="
				+ maxFilterConditions + ", vectorCandidates=" + vectorCandidates + ", readToken=" + (readTokenRequired() ? "******" : "unset") + ", embedding="
				+ embedding + "]";
	}

	@AssertTrue(message = "read-token must be at least 16 characters when set (or unset for open searches)")
	boolean isReadTokenLongEnough() {
		return readToken == null || readToken.isEmpty() || readToken.length() >= 16;
	}

	@AssertTrue(message = "refresh-interval must be from 1ms to 1s; commit-interval and poll-timeout positive")
	boolean isIntervalsValid() {
		return (refreshInterval == null || refreshInterval.toMillis() >= 1 && refreshInterval.toMillis() <= 1_000)
				&& (commitInterval == null || commitInterval.toMillis() > 0)
				&& (pollTimeout == null || pollTimeout.toMillis() > 0);
	}

}

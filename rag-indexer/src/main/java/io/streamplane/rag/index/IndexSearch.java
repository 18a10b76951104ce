package io.streamplane.rag.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import io.streamplane.rag.index.internal.ChunkFields;

/**
 * One search over one searcher: the vector list (HNSW, filtered inside the graph search, exploring
 * {@code max(k, vectorCandidates)} candidates: {@link HnswQuery}), the keyword list (BM25 over the analysed query
 * words, any of which may match, with the filter as a non-scoring clause) or both fused with {@link TopDocs#rrf}
 * (k = {@value #RRF_K}; each list fetches {@code max(4k, 20)} hits, the vector list exploring
 * {@code max(4k, 20, vectorCandidates)} candidates).
 */
final class IndexSearch {

	/** The reciprocal rank fusion constant: a hit at rank r of a list scores {@code 1 / (60 + r)}. */
	static final int RRF_K = 60;

	private IndexSearch() {
	}

	static List<Hit> run(IndexSearcher searcher, SearchQuery query, Analyzer analyzer,
			Function<String, float[]> embed, int maxCandidates, int vectorCandidates) throws IOException {
		TopDocs top = switch (query.mode()) {
			case VECTOR -> vector(searcher, query, embed, query.k(), vectorCandidates);
			case KEYWORD -> keyword(searcher, query, analyzer, query.k());
			case HYBRID -> {
				int candidates = Math.min(maxCandidates, Math.max(4 * query.k(), 20));
				TopDocs[] lists = { vector(searcher, query, embed, candidates, vectorCandidates),
						keyword(searcher, query, analyzer, candidates) };
				yield TopDocs.rrf(query.k(), RRF_K, lists);
			}
		};
		return hits(searcher, top);
	}

	private static TopDocs vector(IndexSearcher searcher, SearchQuery query, Function<String, float[]> embed, int k,
			int candidates) throws IOException {
		Query knn = HnswQuery.of(ChunkFields.VECTOR, embed.apply(query.text()), k, candidates, query.filter());
		return searcher.search(knn, k);
	}

	private static TopDocs keyword(IndexSearcher searcher, SearchQuery query, Analyzer analyzer, int k)
			throws IOException {
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (String word : words(analyzer, query.text())) {
			words.add(new TermQuery(new Term(ChunkFields.TEXT, word)), Occur.SHOULD);
		}
		Query text = words.build();
		Query filtered = query.filter() == null ? text
				: new BooleanQuery.Builder().add(text, Occur.MUST).add(query.filter(), Occur.FILTER).build();
		return searcher.search(filtered, k);
	}

	private static List<String> words(Analyzer analyzer, String text) {
		List<String> words = new ArrayList<>();
		try (TokenStream tokens = analyzer.tokenStream(ChunkFields.TEXT, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				words.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	private static List<Hit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
		StoredFields stored = searcher.storedFields();
		List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
		for (ScoreDoc scored : top.scoreDocs) {
			Document document = stored.document(scored.doc);
			hits.add(new Hit(document.get(ChunkFields.ID), ChunkFields.readJson(document.get(ChunkFields.ROW)),
					scored.score, document.get(ChunkFields.TEXT),
					ChunkFields.readJson(document.get(ChunkFields.METADATA))));
		}
		return hits;
	}

}

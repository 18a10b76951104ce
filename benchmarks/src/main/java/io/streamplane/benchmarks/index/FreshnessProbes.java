package io.streamplane.benchmarks.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes a PostgreSQL table at a fixed rate and finds each change in the index by searching for it. Change
 * {@code i} writes a row whose text is a word of its own ({@code fq<i>z}) followed by real documentation: even
 * changes insert a new row, odd ones update one of the preloaded rows (in turn, so a row changes again only after
 * all the others did: no change is overwritten before it could be seen). The writer notes the time just before
 * each autocommitted statement; the poller sends one keyword search for the oldest outstanding words (at most
 * {@value #WORDS_PER_SEARCH}) every poll interval and takes a change as searchable when a hit's text holds its
 * word. The latency is from the statement to the answer that shows it: PostgreSQL's commit, the CDC capture, the
 * engine's transactions, the indexer's poll, chunking, embedding, refresh, and up to one poll interval plus one
 * search. The interval (100 ms by default: 10 searches a second, whatever the rate) bounds what the harness costs
 * the JVM it measures; a 20 ms poll took 43% of the rag-indexer's CPU at 50 rows/s (docs/benchmarks.md, session
 * 13).
 */
final class FreshnessProbes {

	private static final int WORDS_PER_SEARCH = 100;

	static final Pattern WORD = Pattern.compile("fq(\\d+)z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int NEW_ROWS_FROM = 1_000_000;

	private final FreshnessOptions options;

	private final List<String> texts;

	private final long[] sentNanos;

	private final long[] searchableNanos;

	private final Map<Integer, Long> outstanding = new ConcurrentSkipListMap<>();

	private final List<Long> measured = new ArrayList<>();

	private volatile boolean writing = true;

	private volatile long measureFrom = Long.MAX_VALUE;

	private volatile long measureUntil = Long.MAX_VALUE;

	private volatile int written;

	private int searches;

	FreshnessProbes(FreshnessOptions options, List<String> texts) {
		this.options = options;
		this.texts = texts;
		this.sentNanos = new long[options.changes()];
		this.searchableNanos = new long[options.changes()];
	}

	/** The text of change {@code i}. */
	String text(int i) {
		return "fq" + i + "z " + texts.get(i % texts.size());
	}

	/** The preloaded rows' texts (no probe word). */
	String preloadedText(int row) {
		return texts.get((texts.size() / 2 + row) % texts.size());
	}

	/** Writes every change, paced at the rate; marks the measured window as it passes. */
	void write(Connection connection) throws SQLException {
		long start = System.nanoTime();
		long interval = 1_000_000_000L / options.rate();
		int warmupChanges = (int) (options.rate() * options.warmup().toSeconds());
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO documents VALUES (?, ?)");
				PreparedStatement update = connection.prepareStatement("UPDATE documents SET body = ? WHERE doc_id = ?")) {
			for (int i = 0; i < sentNanos.length; i++) {
				LockSupport.parkNanos(start + i * interval - System.nanoTime());
				if (i == warmupChanges) {
					measureFrom = System.nanoTime();
				}
				long sent = System.nanoTime();
				sentNanos[i] = sent;
				outstanding.put(i, sent);
				if (i % 2 == 0) {
					insert.setInt(1, NEW_ROWS_FROM + i);
					insert.setString(2, text(i));
					insert.executeUpdate();
				}
				else {
					update.setString(1, text(i));
					update.setInt(2, (i / 2) % options.rows());
					update.executeUpdate();
				}
				written = i + 1;
			}
		}
		finally {
			measureUntil = System.nanoTime();
			writing = false;
		}
	}

	/** Searches until every change was seen or {@code drainNanos} after the writer stopped. */
	void poll(AppProcess indexer, long drainNanos) {
		long deadline = Long.MAX_VALUE;
		while (!outstanding.isEmpty() || writing) {
			if (!writing && deadline == Long.MAX_VALUE) {
				deadline = System.nanoTime() + drainNanos;
			}
			if (System.nanoTime() > deadline) {
				return;
			}
			if (!outstanding.isEmpty()) {
				search(indexer);
			}
			LockSupport.parkNanos(options.pollInterval().toNanos());
		}
	}

	private void search(AppProcess indexer) {
		StringBuilder query = new StringBuilder();
		int words = 0;
		for (Integer i : outstanding.keySet()) {
			if (words++ == WORDS_PER_SEARCH) {
				break;
			}
			query.append("fq").append(i).append("z ");
		}
		String body = indexer.post("/search/documents", JSON.writeValueAsString(
				Map.of("query", query.toString().trim(), "k", WORDS_PER_SEARCH, "mode", "keyword")));
		long now = System.nanoTime();
		searches++;
		if (body == null) {
			return;
		}
		for (JsonNode hit : JSON.readTree(body).path("hits")) {
			Matcher matcher = WORD.matcher(hit.path("text").asString());
			while (matcher.find()) {
				int change = Integer.parseInt(matcher.group(1));
				Long sent = outstanding.remove(change);
				if (sent != null) {
					searchableNanos[change] = now;
				}
				if (sent != null && sent >= measureFrom && sent < measureUntil) {
					measured.add(now - sent);
				}
			}
		}
	}

	/** When each change was written ({@link System#nanoTime} just before its statement; 0: not yet). */
	long[] sent() {
		return sentNanos.clone();
	}

	/** When each change was first seen in a search's hits (0: never). */
	long[] searchable() {
		return searchableNanos.clone();
	}

	/** Whether a change written at {@code sentNanos} is in the measured window. */
	boolean measured(long sentNanos) {
		return sentNanos >= measureFrom && sentNanos < measureUntil;
	}

	/** Latencies (nanoseconds) of the measured changes that were seen. */
	long[] latencies() {
		return measured.stream().mapToLong(Long::longValue).toArray();
	}

	/** Measured changes never seen. */
	long missing() {
		return outstanding.values().stream().filter(sent -> sent >= measureFrom && sent < measureUntil).count();
	}

	/** Changes written in the measured window, and how many per second they were. */
	double measuredRate() {
		long count = Arrays.stream(sentNanos).filter(sent -> sent >= measureFrom && sent < measureUntil)
			.count();
		return count / ((measureUntil - measureFrom) / 1e9);
	}

	int written() {
		return written;
	}

	int searches() {
		return searches;
	}

}

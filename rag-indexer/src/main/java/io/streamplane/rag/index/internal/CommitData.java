package io.streamplane.rag.index.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an index's Lucene commit records beside its documents: the next offset to read of each index topic
 * partition ({@code offsets=0:42,1:17}), so the indexer resumes exactly where the committed documents end, the
 * settings the chunks were made with ({@code settings}: chunking and model; other settings mean a rebuild) and
 * when a change was last applied ({@code lastIndexedAt}, epoch milliseconds).
 *
 * @param offsets next offset by partition
 * @param settings chunking and model, e.g. {@code 120/15/all-MiniLM-L6-v2/384}
 * @param lastIndexedAt epoch milliseconds, or 0 before the first change
 */
public record CommitData(Map<Integer, Long> offsets, String settings, long lastIndexedAt) {

	private static final String OFFSETS = "offsets";

	private static final String SETTINGS = "settings";

	private static final String LAST_INDEXED_AT = "lastIndexedAt";

	/** Reads commit user data; empty data (a new index) has no offsets and no settings. */
	public static CommitData read(Iterable<Map.Entry<String, String>> userData) {
		Map<String, String> data = new HashMap<>();
		if (userData != null) {
			userData.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
		}
		Map<Integer, Long> offsets = new TreeMap<>();
		String encoded = data.getOrDefault(OFFSETS, "");
		if (!encoded.isEmpty()) {
			for (String pair : encoded.split(",")) {
				int colon = pair.indexOf(':');
				offsets.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
			}
		}
		return new CommitData(offsets, data.get(SETTINGS), Long.parseLong(data.getOrDefault(LAST_INDEXED_AT, "0")));
	}

	/** The user data to commit. */
	public Map<String, String> toUserData() {
		Map<String, String> data = new HashMap<>();
		data.put(OFFSETS, new TreeMap<>(offsets).entrySet().stream()
			.map(entry -> entry.getKey() + ":" + entry.getValue()).collect(Collectors.joining(",")));
		data.put(SETTINGS, settings);
		data.put(LAST_INDEXED_AT, Long.toString(lastIndexedAt));
		return data;
	}

}

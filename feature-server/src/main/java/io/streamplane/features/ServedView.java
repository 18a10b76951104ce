package io.streamplane.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of features of one entity, computed from the tiles of one view.
 *
 * @param name view name, also the tile records' {@code view}
 * @param entityKey name of the entity key in requests (e.g. {@code user_id})
 * @param features features by name, in the order they are served
 * @param tileSize length of one tile; every window is a multiple of it
 * @param ttl an entity whose newest event is older than this at the request time reads
 *        {@link FeatureStatus#OUTSIDE_MAX_AGE}
 * @param retention how far behind the newest event time of the view tiles are kept; at least the
 *        longest window and the ttl, so that current requests never miss a pruned tile
 */
public record ServedView(String name, String entityKey, Map<String, Feature> features, Duration tileSize,
		Duration ttl, Duration retention) {

	/** Validates the view, naming every problem at once. */
	public ServedView {
		List<String> problems = new ArrayList<>();
		if (name == null || name.isBlank()) {
			problems.add("name: must be a non-blank view name");
		}
		if (entityKey == null || entityKey.isBlank()) {
			problems.add("entityKey: must name the entity key, e.g. user_id");
		}
		if (!positive(tileSize)) {
			problems.add("tileSize: must be a positive duration like 1m, got " + tileSize);
		}
		if (!positive(ttl)) {
			problems.add("ttl: must be a positive duration, got " + ttl);
		}
		if (features == null || features.isEmpty()) {
			problems.add("features: must define at least one feature");
		}
		else {
			features.forEach((feature, definition) -> checkWindow(feature, definition, tileSize, problems));
		}
		if (problems.isEmpty() && (retention == null || retention.compareTo(minimumRetention(features, ttl)) < 0)) {
			problems.add("retention: must be at least the longest window and the ttl ("
					+ minimumRetention(features, ttl) + "), got " + retention);
		}
		if (!problems.isEmpty()) {
			throw FeatureServerException.invalid("invalid feature view " + name + ": " + String.join("; ", problems));
		}
		features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
	}

	/** A view whose retention is the longest window or the ttl, whichever is longer, plus one tile. */
	public static ServedView of(String name, String entityKey, Map<String, Feature> features, Duration tileSize,
			Duration ttl) {
		Duration retention = minimumRetention(features, ttl).plus(tileSize == null ? Duration.ZERO : tileSize);
		return new ServedView(name, entityKey, features, tileSize, ttl, retention);
	}

	/** The longest window of any feature. */
	public Duration longestWindow() {
		Duration longest = Duration.ZERO;
		for (Feature feature : features.values()) {
			if (feature.window().compareTo(longest) > 0) {
				longest = feature.window();
			}
		}
		return longest;
	}

	private static Duration minimumRetention(Map<String, Feature> features, Duration ttl) {
		Duration longest = ttl == null ? Duration.ZERO : ttl;
		for (Feature feature : features == null ? List.<Feature>of() : features.values()) {
			if (feature != null && feature.window() != null && feature.window().compareTo(longest) > 0) {
				longest = feature.window();
			}
		}
		return longest;
	}

	private static void checkWindow(String feature, Feature definition, Duration tileSize, List<String> problems) {
		String path = "features." + feature;
		if (definition == null || definition.function() == null) {
			problems.add(path + ": must name an aggregate function");
		}
		else if (!positive(definition.window())) {
			problems.add(path + ".window: must be a positive duration, got " + definition.window());
		}
		else if (positive(tileSize) && definition.window().toMillis() % tileSize.toMillis() != 0) {
			problems.add(path + ".window: must be a multiple of the tile size " + tileSize + ", got "
					+ definition.window());
		}
	}

	private static boolean positive(Duration duration) {
		return duration != null && duration.toMillis() > 0;
	}
}

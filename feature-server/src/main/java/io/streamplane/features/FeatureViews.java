package io.streamplane.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature views a feature server serves, by name: the views of the running and paused pipelines
 * (the {@code features:} of their specs, followed from {@code sp.pipelines}, see
 * {@link #define(String, Collection)}) and the views configured in {@code streamplane.feature-server.views.*}.
 * A configured view wins over a pipeline's view of the same name. Thread-safe: reads see a consistent
 * snapshot.
 */
public final class FeatureViews {

	private static final Logger log = LoggerFactory.getLogger(FeatureViews.class);

	private final Map<String, ServedView> configured;

	private final Map<String, List<ServedView>> byPipeline = new LinkedHashMap<>();

	private volatile Map<String, ServedView> served;

	private FeatureViews(Map<String, ServedView> configured) {
		this.configured = Collections.unmodifiableMap(new LinkedHashMap<>(configured));
		this.served = this.configured;
	}

	/** These views, as if configured. */
	public static FeatureViews of(Collection<ServedView> views) {
		Map<String, ServedView> byName = new LinkedHashMap<>();
		views.forEach(view -> byName.put(view.name(), view));
		return new FeatureViews(byName);
	}

	/**
	 * The views configured in {@code properties}.
	 *
	 * @throws FeatureServerException (permanent) naming every problem of every view at once
	 */
	public static FeatureViews from(FeatureServerProperties properties) {
		Map<String, ServedView> views = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		properties.views().forEach((name, definition) -> {
			try {
				views.put(name, definition.toView(name));
			}
			catch (FeatureServerException ex) {
				problems.add(FeatureServerProperties.PREFIX + ".views." + name + ": " + ex.getMessage());
			}
		});
		if (!problems.isEmpty()) {
			throw FeatureServerException.invalid(String.join("\n", problems));
		}
		return new FeatureViews(views);
	}

	/** Serves {@code views} as the views of {@code pipeline}, replacing the ones it had. */
	public synchronized void define(String pipeline, Collection<ServedView> views) {
		List<ServedView> before = byPipeline.put(pipeline, List.copyOf(views));
		if (!List.copyOf(views).equals(before)) {
			log.info("Serving feature views {} of pipeline {}", views.stream().map(ServedView::name).toList(), pipeline);
		}
		rebuild();
	}

	/** Stops serving the views of {@code pipeline} (deleted); configured views stay. */
	public synchronized void remove(String pipeline) {
		if (byPipeline.remove(pipeline) != null) {
			log.info("No longer serving the feature views of deleted pipeline {}", pipeline);
		}
		rebuild();
	}

	private void rebuild() {
		Map<String, ServedView> views = new LinkedHashMap<>();
		byPipeline.values().forEach(list -> list.forEach(view -> views.putIfAbsent(view.name(), view)));
		views.putAll(configured);
		served = Collections.unmodifiableMap(views);
	}

	/** The view with this name, if served. */
	public Optional<ServedView> find(String name) {
		return Optional.ofNullable(served.get(name));
	}

	/** Every served view: the pipelines' in the order they were learnt, then the configured ones. */
	public Collection<ServedView> all() {
		return served.values();
	}

	/** The names of the served views, in the order of {@link #all()}. */
	public Set<String> names() {
		return served.keySet();
	}

}

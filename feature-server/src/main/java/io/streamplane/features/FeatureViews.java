package io.streamplane.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feature views a feature server serves, by name. For now they come from
 * {@code streamplane.feature-server.views.*}; the engine will publish the {@code features:} section of
 * pipeline specs instead.
 */
public final class FeatureViews {

	private final Map<String, FeatureView> views;

	private FeatureViews(Map<String, FeatureView> views) {
		this.views = Collections.unmodifiableMap(new LinkedHashMap<>(views));
	}

	/** These views. */
	public static FeatureViews of(Collection<FeatureView> views) {
		Map<String, FeatureView> byName = new LinkedHashMap<>();
		views.forEach(view -> byName.put(view.name(), view));
		return new FeatureViews(byName);
	}

	/**
	 * The views configured in {@code properties}.
	 *
	 * @throws FeatureServerException (permanent) naming every problem of every view at once
	 */
	public static FeatureViews from(FeatureServerProperties properties) {
		Map<String, FeatureView> views = new LinkedHashMap<>();
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

	/** The view with this name, if served. */
	public Optional<FeatureView> find(String name) {
		return Optional.ofNullable(views.get(name));
	}

	/** Every served view, in configuration order. */
	public Collection<FeatureView> all() {
		return views.values();
	}

	/** The names of the served views, in configuration order. */
	public Set<String> names() {
		return views.keySet();
	}

}

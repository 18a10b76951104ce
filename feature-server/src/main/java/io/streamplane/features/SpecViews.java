package io.streamplane.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.streamplane.spec.Expression;
import io.streamplane.spec.FeatureDefinition;
import io.streamplane.spec.PipelineSpec;

/**
 * The served form of the feature views a pipeline spec defines: the same names, tile size and
 * windows as the tiles the engine writes, the spec's ttl (default: the longest window), and a
 * retention of the longest window or the ttl, whichever is longer, plus one tile.
 */
public final class SpecViews {

	private SpecViews() {
	}

	/** The views of {@code spec}, in document order. */
	public static List<ServedView> of(PipelineSpec spec) {
		return spec.features().stream().map(SpecViews::served).toList();
	}

	/** The served form of one view of a spec. */
	public static ServedView served(io.streamplane.spec.FeatureView view) {
		Map<String, Feature> features = new LinkedHashMap<>();
		view.features().forEach((name, definition) -> features.put(name, feature(definition)));
		return ServedView.of(view.name(), view.entity(), features, view.tileSize(), view.effectiveTtl());
	}

	private static Feature feature(FeatureDefinition definition) {
		ServedAggregate function = ServedAggregate.valueOf(definition.function().name().toUpperCase(Locale.ROOT));
		String argument = definition.argument().map(Expression::text).map(String::strip).orElse("");
		return new Feature(function, argument, definition.window(), definition.decimal());
	}

}

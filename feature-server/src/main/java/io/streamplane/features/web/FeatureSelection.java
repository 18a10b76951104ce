package io.streamplane.features.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.streamplane.features.ServedView;
import io.streamplane.features.FeatureViews;

/**
 * What a {@code POST /features} request reads, resolved against the served views: the features of each
 * view in request order, and the name each gets in the response.
 *
 * @param views the views read, in order of first mention, with their requested features
 */
record FeatureSelection(List<ViewFeatures> views) {

	/** Separator of Feast's full feature names, {@code view__feature}. */
	static final String FULL_NAME_SEPARATOR = "__";

	/**
	 * Features of one view.
	 *
	 * @param view the view
	 * @param features the requested feature names
	 * @param names the response name of each feature
	 */
	record ViewFeatures(ServedView view, List<String> features, List<String> names) {
	}

	/**
	 * Resolves the request.
	 *
	 * @throws FeatureRequestException 404 naming every unknown view and feature and what is served; 400 if an
	 * entity key list is missing or unused, or two views give a feature the same short name
	 */
	static FeatureSelection resolve(OnlineFeaturesRequest request, FeatureViews served) {
		Map<String, List<String>> requested = requested(request, served);
		List<String> missing = new ArrayList<>();
		List<ViewFeatures> views = new ArrayList<>();
		requested.forEach((viewName, features) -> served.find(viewName).ifPresentOrElse(view -> {
			features.stream().filter(feature -> !view.features().containsKey(feature))
				.forEach(feature -> missing.add("view '" + viewName + "' has no feature '" + feature
						+ "'; its features are " + view.features().keySet()));
			List<String> names = features.stream()
				.map(feature -> request.fullFeatureNames() ? viewName + FULL_NAME_SEPARATOR + feature : feature)
				.toList();
			views.add(new ViewFeatures(view, features, names));
		}, () -> missing.add("no feature view named '" + viewName + "'; the served views are " + served.names())));
		if (!missing.isEmpty()) {
			throw new FeatureRequestException(FeatureProblems.notFound(String.join("; ", missing)));
		}
		checkEntities(request, views);
		return new FeatureSelection(views);
	}

	private static Map<String, List<String>> requested(OnlineFeaturesRequest request, FeatureViews served) {
		Map<String, List<String>> requested = new LinkedHashMap<>();
		if (request.view().isPresent()) {
			String view = request.view().get();
			requested.put(view, served.find(view).map(found -> List.copyOf(found.features().keySet())).orElse(List.of()));
			return requested;
		}
		for (String reference : request.features()) {
			int colon = reference.indexOf(':');
			requested.computeIfAbsent(reference.substring(0, colon), view -> new ArrayList<>())
				.add(reference.substring(colon + 1));
		}
		return requested;
	}

	private static void checkEntities(OnlineFeaturesRequest request, List<ViewFeatures> views) {
		List<String> problems = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (ViewFeatures view : views) {
			String key = view.view().entityKey();
			keys.add(key);
			if (!request.entities().containsKey(key)) {
				problems.add("entities: view '" + view.view().name() + "' is keyed by " + key + "; send entities."
						+ key);
			}
			view.names().stream().filter(name -> !names.add(name)).distinct()
				.forEach(name -> problems.add("features: '" + name + "' is requested twice (from two views or twice "
						+ "from one); send full_feature_names: true or request it once"));
		}
		request.entities().keySet().stream().filter(key -> !keys.contains(key))
			.forEach(key -> problems.add("entities." + key + ": no requested view is keyed by " + key
					+ "; the requested views are keyed by " + keys));
		if (!problems.isEmpty()) {
			throw new FeatureRequestException(FeatureProblems.invalidRequest(String.join("; ", problems)));
		}
	}

}

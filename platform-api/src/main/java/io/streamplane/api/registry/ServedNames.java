package io.streamplane.api.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.streamplane.spec.FeatureView;
import io.streamplane.spec.PipelineSpec;
import io.streamplane.spec.VectorIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the names under which pipelines are served unique across live pipelines: a feature view is served by
 * its name alone ({@code GET /features/{view}/...}), an index too ({@code /search/{index}}), so two pipelines
 * defining one name would overwrite each other's tiles in the feature server, or each other's rows in the
 * indexer. Checks hold a PostgreSQL advisory lock until their transaction ends, so concurrent creates of one
 * name are serialized: the second sees the first.
 */
final class ServedNames {

	private final PipelineRepository pipelines;

	private final PipelineVersionRepository versions;

	private final JsonMapper json;

	ServedNames(PipelineRepository pipelines, PipelineVersionRepository versions, JsonMapper json) {
		this.pipelines = pipelines;
		this.versions = versions;
		this.json = json;
	}

	/**
	 * @throws PipelineConflictException if a view or index of {@code spec} has the name of a view or index of
	 * another live pipeline
	 */
	void checkUnique(PipelineSpec spec) {
		Set<String> views = spec.features().stream().map(FeatureView::name).collect(Collectors.toSet());
		Set<String> indexes = spec.indexes().stream().map(VectorIndex::name).collect(Collectors.toSet());
		if (views.isEmpty() && indexes.isEmpty()) {
			return;
		}
		pipelines.lockServedNames();
		Map<String, String> takenViews = new LinkedHashMap<>();
		Map<String, String> takenIndexes = new LinkedHashMap<>();
		for (PipelineRow row : pipelines.findAll()) {
			if (row.isDeleted() || row.name().equals(spec.name())) {
				continue;
			}
			versions.findByPipelineNameAndVersion(row.name(), row.latestVersion()).ifPresent(version -> {
				JsonNode document = json.readTree(version.specJson());
				taken(document, "features", views, row.name(), takenViews);
				taken(document, "indexes", indexes, row.name(), takenIndexes);
			});
		}
		if (!takenViews.isEmpty()) {
			throw PipelineConflictException.namesTaken("feature view", takenViews);
		}
		if (!takenIndexes.isEmpty()) {
			throw PipelineConflictException.namesTaken("index", takenIndexes);
		}
	}

	private static void taken(JsonNode document, String list, Set<String> wanted, String pipeline,
			Map<String, String> taken) {
		document.path(list).valueStream().map(named -> named.path("name").asString(""))
			.filter(wanted::contains)
			.forEach(name -> taken.putIfAbsent(name, pipeline));
	}

}

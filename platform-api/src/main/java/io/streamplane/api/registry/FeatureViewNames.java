package io.streamplane.api.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.streamplane.spec.FeatureView;
import io.streamplane.spec.PipelineSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps feature view names unique across live pipelines: a view is served by its name alone
 * ({@code GET /features/{view}/...}), so two pipelines defining one name would overwrite each other's
 * tiles in the feature server. Checks hold a PostgreSQL advisory lock until their transaction ends, so
 * concurrent creates of one view name are serialized: the second sees the first.
 */
final class FeatureViewNames {

	private final PipelineRepository pipelines;

	private final PipelineVersionRepository versions;

	private final JsonMapper json;

	FeatureViewNames(PipelineRepository pipelines, PipelineVersionRepository versions, JsonMapper json) {
		this.pipelines = pipelines;
		this.versions = versions;
		this.json = json;
	}

	/**
	 * @throws PipelineConflictException if a view of {@code spec} has the name of a view of another live
	 * pipeline
	 */
	void checkUnique(PipelineSpec spec) {
		Set<String> wanted = spec.features().stream().map(FeatureView::name).collect(Collectors.toSet());
		if (wanted.isEmpty()) {
			return;
		}
		pipelines.lockFeatureViewNames();
		Map<String, String> taken = new LinkedHashMap<>();
		for (PipelineRow row : pipelines.findAll()) {
			if (row.isDeleted() || row.name().equals(spec.name())) {
				continue;
			}
			versions.findByPipelineNameAndVersion(row.name(), row.latestVersion())
				.ifPresent(version -> viewNames(version.specJson()).stream().filter(wanted::contains)
					.forEach(view -> taken.putIfAbsent(view, row.name())));
		}
		if (!taken.isEmpty()) {
			throw PipelineConflictException.viewNamesTaken(taken);
		}
	}

	private Set<String> viewNames(String specJson) {
		JsonNode features = json.readTree(specJson).path("features");
		return features.valueStream().map(view -> view.path("name").asString("")).collect(Collectors.toSet());
	}

}

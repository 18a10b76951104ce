package io.streamplane.api.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.status.PipelineStatus;
import io.streamplane.api.status.StatusBoard;
import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The feature views the live pipelines define, with their definitions and freshness. */
@RestController
@Tag(name = "Features")
public class FeatureViewController {

	private final PipelineRegistry registry;

	private final StatusBoard statuses;

	FeatureViewController(PipelineRegistry registry, StatusBoard statuses) {
		this.registry = registry;
		this.statuses = statuses;
	}

	/**
	 * A feature view of a live pipeline.
	 *
	 * @param name the view name, as {@code GET /features/{view}/{entity}} takes it
	 * @param pipeline the pipeline that defines it
	 * @param desiredState that pipeline's desired state
	 * @param definition the view as the pipeline's latest spec defines it ({@code features[i]})
	 * @param newestEvent the event time of the newest event written to its tiles by a live engine instance, or
	 * {@code null} before the first
	 */
	public record FeatureViewSummary(String name, String pipeline, PipelineState desiredState, JsonNode definition,
			Instant newestEvent) {
	}

	@GetMapping("/api/v1/feature-views")
	@Operation(summary = "List feature views",
			description = "Every feature view of the live pipelines, by name, with its definition (entity, features "
					+ "and their aggregates and windows, ttl) and the event time of the newest event written to its "
					+ "tiles. Read the values with GET /features/{view}/{entity} or POST /features.")
	List<FeatureViewSummary> list() {
		List<FeatureViewSummary> views = new ArrayList<>();
		for (DesiredState pipeline : registry.desiredStates()) {
			if (pipeline.state() == PipelineState.DELETED || !pipeline.spec().path("features").isArray()) {
				continue;
			}
			PipelineStatus status = PipelineStatus.of(pipeline.pipeline(), pipeline.version(), pipeline.state(),
					statuses.instances(pipeline.pipeline()));
			for (JsonNode view : pipeline.spec().path("features")) {
				String name = view.path("name").asString();
				views.add(new FeatureViewSummary(name, pipeline.pipeline(), pipeline.state(), view,
						status.featureViews().get(name)));
			}
		}
		views.sort(Comparator.comparing(FeatureViewSummary::name));
		return views;
	}

}

package io.streamplane.api.web;

import java.util.List;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.api.registry.PageOf;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.registry.PipelineSummary;
import io.streamplane.api.status.PipelineStatus;
import io.streamplane.api.status.StatusBoard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The status of many pipelines in one request, for dashboards such as the web console's pipeline list. */
@RestController
@Tag(name = "Pipelines")
public class StatusController {

	private final PipelineRegistry registry;

	private final StatusBoard statuses;

	private final ControlPlaneProperties properties;

	StatusController(PipelineRegistry registry, StatusBoard statuses, ControlPlaneProperties properties) {
		this.registry = registry;
		this.statuses = statuses;
		this.properties = properties;
	}

	@GetMapping("/api/v1/status")
	@Operation(summary = "The status of every pipeline",
			description = "Live pipelines ordered by name, one page at a time, each with its status as "
					+ "GET /api/v1/pipelines/{name}/status answers it: state, totals, instances.")
	PageOf<PipelineStatus> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		Paging.check(page, size, properties);
		PageOf<PipelineSummary> pipelines = registry.list(page, size);
		List<PipelineStatus> items = pipelines.items()
			.stream()
			.map(pipeline -> PipelineStatus.of(pipeline.name(), pipeline.latestVersion(), pipeline.desiredState(),
					statuses.instances(pipeline.name())))
			.toList();
		return new PageOf<>(items, pipelines.page(), pipelines.size(), pipelines.totalItems(), pipelines.totalPages());
	}

}

package io.streamplane.api.web;

import java.util.Optional;

import io.streamplane.api.deadletters.DeadLetterReader;
import io.streamplane.api.deadletters.RecentDeadLetters;
import io.streamplane.api.registry.PipelineDetails;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.status.PipelineStatusHistory;
import io.streamplane.api.status.StatusHistory;
import io.streamplane.api.topology.PipelineTopologies;
import io.streamplane.api.topology.TopologyGraph;
import io.streamplane.spec.SpecReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a pipeline looks like inside: its compiled topology, its recent throughput and lag, its last dead
 * letters. The web console's pipeline page reads these.
 */
@RestController
@RequestMapping("/api/v1/pipelines/{name}")
@Tag(name = "Pipelines")
public class PipelineInsightsController {

	private final PipelineRegistry registry;

	private final PipelineTopologies topologies;

	private final StatusHistory history;

	private final DeadLetterReader deadLetters;

	private final SpecReader specs;

	PipelineInsightsController(PipelineRegistry registry, PipelineTopologies topologies, StatusHistory history,
			DeadLetterReader deadLetters, SpecReader specs) {
		this.specs = specs;
		this.registry = registry;
		this.topologies = topologies;
		this.history = history;
		this.deadLetters = deadLetters;
	}

	@GetMapping("/topology")
	@Operation(summary = "A pipeline's compiled topology, as a graph",
			description = "The Kafka Streams topology the latest version (or ?version=N) compiles to: sub-topologies; "
					+ "sources, processors, sinks and state stores; input, output, dead-letter, repartition and changelog "
					+ "topics; each node labelled with the spec step it implements (e.g. transforms.revenue_1m.steps[1]).")
	TopologyGraph topology(@PathVariable String name,
			@Parameter(description = "a version number, from 1") @RequestParam Optional<Integer> version) {
		return topologies.graph(name, version);
	}

	@GetMapping("/status/history")
	@Operation(summary = "A pipeline's recent status totals",
			description = "Records in and out per second, lag, late and dead-lettered counts, sampled every "
					+ "5 seconds over the last 15 minutes by this control-plane replica, oldest first.")
	PipelineStatusHistory statusHistory(@PathVariable String name) {
		registry.get(name, Optional.empty());
		return history.of(name);
	}

	@GetMapping("/dead-letters")
	@Operation(summary = "A pipeline's last dead letters",
			description = "The last records of the pipeline's dead-letter topic, newest first, with the step that "
					+ "rejected each and why. At most " + DeadLetterReader.MAX_LIMIT + " records; values over "
					+ DeadLetterReader.MAX_VALUE_CHARS + " characters are cut; \"complete\": false when the read ran "
					+ "out of its time budget (3 s).")
	RecentDeadLetters deadLetters(@PathVariable String name,
			@Parameter(description = "how many records, 1 to " + DeadLetterReader.MAX_LIMIT) @RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > DeadLetterReader.MAX_LIMIT) {
			throw InvalidRequestException.of("limit", "must be between 1 and " + DeadLetterReader.MAX_LIMIT + ", got " + limit);
		}
		PipelineDetails pipeline = registry.get(name, Optional.empty());
		return deadLetters.last(specs.read(pipeline.spec()).spec().processing().deadLetterTopic(), limit);
	}

}

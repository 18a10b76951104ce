package io.streamplane.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.streamplane.protocol.EngineStatus;

/**
 * The latest report of every engine instance for every pipeline, as read from the status topic. An
 * instance silent for the stale period is marked stale; one silent for the expiry period is gone
 * (killed, or replaced under another id) and dropped. Thread-safe: written by the topic reader, read
 * by HTTP requests.
 */
public class StatusBoard {

	private final Map<String, Map<String, EngineStatus>> reports = new ConcurrentHashMap<>();

	private final Duration staleAfter;

	private final Duration expireAfter;

	private final Clock clock;

	StatusBoard(Duration staleAfter, Duration expireAfter, Clock clock) {
		this.staleAfter = staleAfter;
		this.expireAfter = expireAfter;
		this.clock = clock;
	}

	/** Records a report, replacing older ones of the same instance and pipeline. */
	void accept(EngineStatus status) {
		reports.computeIfAbsent(status.pipeline(), name -> new ConcurrentHashMap<>())
			.merge(status.instanceId(), status, StatusBoard::newer);
	}

	/** Forgets the reports of one instance for one pipeline (a tombstone on the status topic). */
	void forget(String pipeline, String instanceId) {
		Map<String, EngineStatus> instances = reports.get(pipeline);
		if (instances != null) {
			instances.remove(instanceId);
		}
	}

	/** The pipelines some instance reported on and did not retract, in no particular order. */
	public Set<String> pipelines() {
		expire();
		Set<String> pipelines = new HashSet<>();
		reports.forEach((pipeline, instances) -> {
			if (!instances.isEmpty()) {
				pipelines.add(pipeline);
			}
		});
		return pipelines;
	}

	/** The reports of every instance that ran the pipeline, newest first, marked stale or not. */
	public List<InstanceStatus> instances(String pipeline) {
		expire();
		Instant staleBefore = clock.instant().minus(staleAfter);
		return reports.getOrDefault(pipeline, Map.of())
			.values()
			.stream()
			.sorted(Comparator.comparing(EngineStatus::instanceId))
			.map(report -> InstanceStatus.of(report, report.reportedAt().isBefore(staleBefore)))
			.toList();
	}

	private void expire() {
		Instant expiredBefore = clock.instant().minus(expireAfter);
		reports.values()
			.forEach(instances -> instances.values().removeIf(report -> report.reportedAt().isBefore(expiredBefore)));
	}

	private static EngineStatus newer(EngineStatus a, EngineStatus b) {
		return b.reportedAt().isBefore(a.reportedAt()) ? a : b;
	}

}

package io.streamplane.api.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.streamplane.protocol.CdcTableReport;
import io.streamplane.protocol.IndexReport;
import io.streamplane.protocol.PipelineState;

/**
 * A pipeline's status across every engine instance.
 *
 * @param name the pipeline
 * @param latestVersion the newest registered version
 * @param desiredState what the user asked for
 * @param state the observed state: {@code PENDING} while no live instance reports, {@code FAILED}
 * when any live instance failed, the common state of the live instances when they agree,
 * {@code MIXED} otherwise (e.g. during an upgrade or a rebalance)
 * @param totals figures summed over live instances
 * @param instances every instance that reported, live or stale
 * @param featureViews the pipeline's feature views and their freshness: per view, the event time of the
 * newest event written to its tiles by any live instance, or {@code null} when none has been written
 * @param cdcTables the PostgreSQL tables the pipeline captures ({@code schema.table}): the report of the
 * live instance that captures each ({@code STARTING}, {@code CAPTURING} or {@code FAILED}, with the slot's
 * lag in bytes), or {@code STANDBY} while none does
 * @param indexes the pipeline's vector indexes and what the engine wrote to their topics: per index, the
 * topic, the upserts and deletes written by the live instances since they started the pipeline, and the
 * source time of the newest change written; how much of it is searchable, {@code GET /search/{index}} says
 */
public record PipelineStatus(String name, int latestVersion, PipelineState desiredState, String state, Totals totals,
		List<InstanceStatus> instances, Map<String, Instant> featureViews, Map<String, CdcTableReport> cdcTables,
		Map<String, IndexReport> indexes) {

	/**
	 * Figures summed over live instances.
	 *
	 * @param recordsInPerSecond records consumed per second
	 * @param recordsOutPerSecond records produced per second
	 * @param consumerLag records not yet consumed
	 * @param lateRecords records beyond lateness
	 * @param deadLetters records dead-lettered
	 */
	public record Totals(double recordsInPerSecond, double recordsOutPerSecond, long consumerLag, long lateRecords,
			long deadLetters) {
	}

	/** Summarises the instances' reports. */
	public static PipelineStatus of(String name, int latestVersion, PipelineState desiredState,
			List<InstanceStatus> instances) {
		List<InstanceStatus> live = instances.stream().filter(instance -> !instance.isStale()).toList();
		Totals totals = new Totals(live.stream().mapToDouble(InstanceStatus::recordsInPerSecond).sum(),
				live.stream().mapToDouble(InstanceStatus::recordsOutPerSecond).sum(),
				live.stream().mapToLong(InstanceStatus::consumerLag).sum(),
				live.stream().mapToLong(InstanceStatus::lateRecords).sum(),
				live.stream().mapToLong(InstanceStatus::deadLetters).sum());
		return new PipelineStatus(name, latestVersion, desiredState, summarize(live), totals, instances,
				newestPerView(live), capturePerTable(live), writesPerIndex(live));
	}

	private static Map<String, IndexReport> writesPerIndex(List<InstanceStatus> live) {
		Map<String, IndexReport> indexes = new TreeMap<>();
		for (InstanceStatus instance : live) {
			instance.indexes().forEach((index, report) -> indexes.merge(index, report, IndexReport::plus));
		}
		return indexes;
	}

	private static Map<String, CdcTableReport> capturePerTable(List<InstanceStatus> live) {
		Map<String, CdcTableReport> tables = new TreeMap<>();
		for (InstanceStatus instance : live) {
			instance.cdcTables().forEach((table, report) -> tables.merge(table, report,
					(known, other) -> CdcTableReport.STANDBY.equals(known.state()) ? other : known));
		}
		return tables;
	}

	private static Map<String, Instant> newestPerView(List<InstanceStatus> live) {
		Map<String, Instant> views = new LinkedHashMap<>();
		for (InstanceStatus instance : live) {
			instance.featureViews().forEach((view, newest) -> views.merge(view, newest == null ? Instant.MIN : newest,
					(left, right) -> left.isAfter(right) ? left : right));
		}
		views.replaceAll((view, newest) -> Instant.MIN.equals(newest) ? null : newest);
		return views;
	}

	private static String summarize(List<InstanceStatus> live) {
		if (live.isEmpty()) {
			return "PENDING";
		}
		if (live.stream().anyMatch(instance -> "FAILED".equals(instance.state()))) {
			return "FAILED";
		}
		List<String> states = live.stream().map(InstanceStatus::state).distinct().toList();
		return states.size() == 1 ? states.getFirst() : "MIXED";
	}

}

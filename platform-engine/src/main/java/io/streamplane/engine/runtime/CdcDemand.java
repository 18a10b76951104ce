package io.streamplane.engine.runtime;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.streamplane.engine.cdc.CdcCapture;
import io.streamplane.engine.cdc.CdcTable;
import io.streamplane.engine.cdc.CdcTableStatus;
import io.streamplane.protocol.CdcTableReport;
import io.streamplane.protocol.PipelineState;
import io.streamplane.spec.StreamplaneSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link CdcCapture} which PostgreSQL tables the pipelines read: the {@code postgresCdc}
 * tables of every pipeline that is not deleted (a paused pipeline keeps its tables, so it resumes
 * without a new snapshot). Nothing is demanded before every desired state has been read once, so
 * a restart does not release a table for a moment and snapshot it again; afterwards the capture
 * hears of every change of the set, and only of changes. Without a capture (an engine assembled without
 * CDC) it demands nothing and reports nothing.
 */
final class CdcDemand {

	private static final Logger log = LoggerFactory.getLogger(CdcDemand.class);

	private final Optional<CdcCapture> capture;

	private final Map<String, Set<CdcTable>> byPipeline = new HashMap<>();

	private boolean caughtUp;

	private Set<CdcTable> published;

	CdcDemand(Optional<CdcCapture> capture) {
		this.capture = capture;
	}

	/** Takes a pipeline's desired state, its spec validated already, into account. */
	synchronized void accept(DesiredVersion desired) {
		if (desired.state() == PipelineState.DELETED || desired.desired().spec() == null) {
			byPipeline.remove(desired.pipeline());
		}
		else {
			tables(desired).ifPresent(tables -> byPipeline.put(desired.pipeline(), tables));
		}
		publish();
	}

	/**
	 * This instance's view of the capture of each table {@code pipeline} reads, by {@code schema.table};
	 * empty for a pipeline without CDC tables.
	 */
	Map<String, CdcTableReport> reports(String pipeline) {
		Set<CdcTable> tables;
		synchronized (this) {
			tables = byPipeline.getOrDefault(pipeline, Set.of());
		}
		Map<String, CdcTableReport> reports = new TreeMap<>();
		for (CdcTableStatus status : statusOf(tables)) {
			reports.put(status.table().qualifiedName(), new CdcTableReport(status.state().name(),
					status.slotLagBytes().isPresent() ? status.slotLagBytes().getAsLong() : null,
					status.error().orElse(null)));
		}
		return reports;
	}

	/**
	 * Why {@code pipeline} cannot run, if the capture of one of its tables failed permanently on this instance
	 * (bad credentials, a missing privilege): retrying would not help, so the pipeline is failed at once.
	 */
	Optional<String> permanentFailure(String pipeline) {
		Set<CdcTable> tables;
		synchronized (this) {
			tables = byPipeline.getOrDefault(pipeline, Set.of());
		}
		return statusOf(tables).stream()
			.filter(CdcTableStatus::permanent)
			.findFirst()
			.map(status -> "the CDC capture of table " + status.table().qualifiedName() + " failed: "
					+ status.error().orElse("unknown error"));
	}

	private List<CdcTableStatus> statusOf(Set<CdcTable> tables) {
		if (tables.isEmpty() || capture.isEmpty()) {
			return List.of();
		}
		return capture.get().status().stream().filter(status -> tables.contains(status.table())).toList();
	}

	/** Every desired state published so far has been read: the demand is complete from now on. */
	synchronized void caughtUp() {
		caughtUp = true;
		publish();
	}

	private Optional<Set<CdcTable>> tables(DesiredVersion desired) {
		try {
			return Optional.of(CdcTable.demandedBy(desired.spec()));
		}
		catch (StreamplaneSpecException ex) {
			log.warn("Keeping the CDC tables of pipeline '{}' as they were: version {} does not read ({})",
					desired.pipeline(), desired.version(), ex.getMessage());
			return Optional.empty();
		}
	}

	private void publish() {
		if (!caughtUp) {
			return;
		}
		Set<CdcTable> tables = new TreeSet<>(Comparator.comparing(CdcTable::qualifiedName));
		byPipeline.values().forEach(tables::addAll);
		if (!tables.equals(published)) {
			published = Set.copyOf(tables);
			log.info("CDC tables demanded by the pipelines: {}", tables.isEmpty() ? "none" : tables);
			capture.ifPresent(found -> found.demand(published));
		}
	}

}

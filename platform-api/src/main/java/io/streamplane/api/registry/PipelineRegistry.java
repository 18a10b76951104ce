package io.streamplane.api.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.streamplane.protocol.DesiredState;
import io.streamplane.protocol.PipelineState;
import io.streamplane.spec.SpecFormat;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline registry in PostgreSQL: names, immutable versions, desired states and the audit
 * trail. PostgreSQL is the source of truth; every change publishes a {@link PipelineChanged}
 * event that the desired-state publisher forwards to Kafka after commit.
 */
@Transactional
public class PipelineRegistry {

	private final PipelineRepository pipelines;

	private final PipelineVersionRepository versions;

	private final AuditEventRepository audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final ServedNames servedNames;

	PipelineRegistry(PipelineRepository pipelines, PipelineVersionRepository versions, AuditEventRepository audit,
			ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.pipelines = pipelines;
		this.versions = versions;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.servedNames = new ServedNames(pipelines, versions, json);
	}

	/**
	 * Registers a new pipeline as version 1, RUNNING. A deleted pipeline's name may be reused: it
	 * comes back as its next version, keeping its history.
	 * @throws PipelineConflictException if a live pipeline has the name, or another live pipeline defines a
	 * feature view of the same name
	 */
	public PipelineDetails create(SpecSource source, Actor actor) {
		Instant now = clock.instant();
		Optional<PipelineRow> existing = pipelines.findById(source.name());
		if (existing.isPresent() && !existing.get().isDeleted()) {
			throw PipelineConflictException.nameTaken(source.name());
		}
		PipelineRow row = existing
			.map(deleted -> deleted.withNewVersion(now).withDesiredState(PipelineState.RUNNING, now))
			.orElseGet(() -> PipelineRow.create(source.name(), now));
		return saveVersion(row, source, actor, "CREATED");
	}

	/**
	 * Adds a new version to a live pipeline; its desired state is unchanged.
	 * @throws PipelineNotFoundException if no live pipeline has the name
	 * @throws PipelineConflictException if another live pipeline defines a feature view of the same name
	 */
	public PipelineDetails update(SpecSource source, Actor actor) {
		PipelineRow row = live(source.name());
		return saveVersion(row.withNewVersion(clock.instant()), source, actor, "UPDATED");
	}

	/** Sets the desired state of a live pipeline to PAUSED. */
	public PipelineDetails pause(String name, Actor actor) {
		return changeState(name, PipelineState.PAUSED, "PAUSED", actor);
	}

	/** Sets the desired state of a live pipeline to RUNNING. */
	public PipelineDetails resume(String name, Actor actor) {
		return changeState(name, PipelineState.RUNNING, "RESUMED", actor);
	}

	/**
	 * Marks a live pipeline DELETED: engines stop it and remove its state; it disappears from
	 * reads, its history stays in the audit trail.
	 */
	public PipelineDetails delete(String name, Actor actor) {
		return changeState(name, PipelineState.DELETED, "DELETED", actor);
	}

	/** The latest version of a live pipeline, or the given version. */
	@Transactional(readOnly = true)
	public PipelineDetails get(String name, Optional<Integer> version) {
		PipelineRow row = live(name);
		int wanted = version.orElse(row.latestVersion());
		PipelineVersionRow versionRow = versions.findByPipelineNameAndVersion(name, wanted)
			.orElseThrow(() -> PipelineNotFoundException.version(name, wanted, row.latestVersion()));
		return details(row, versionRow);
	}

	/** The text a version of a live pipeline (the latest, or {@code version}) was submitted as, verbatim. */
	@Transactional(readOnly = true)
	public SpecText text(String name, Optional<Integer> version) {
		PipelineRow row = live(name);
		int wanted = version.orElse(row.latestVersion());
		PipelineVersionRow versionRow = versions.findByPipelineNameAndVersion(name, wanted)
			.orElseThrow(() -> PipelineNotFoundException.version(name, wanted, row.latestVersion()));
		return new SpecText(versionRow.version(), versionRow.sourceText(), SpecFormat.valueOf(versionRow.sourceFormat()));
	}

	/** Live pipelines ordered by name, one page at a time. */
	@Transactional(readOnly = true)
	public PageOf<PipelineSummary> list(int page, int size) {
		List<PipelineSummary> items = pipelines.findLive(PageRequest.of(page, size))
			.stream()
			.map(PipelineSummary::of)
			.toList();
		return PageOf.of(items, page, size, pipelines.countLive());
	}

	/** Every version of a live pipeline, oldest first. */
	@Transactional(readOnly = true)
	public List<VersionSummary> versions(String name) {
		live(name);
		return versions.findByPipelineNameOrderByVersionAsc(name)
			.stream()
			.map(row -> new VersionSummary(row.version(), row.createdAt(), row.createdBy()))
			.toList();
	}

	/** The audit trail of a live pipeline, oldest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> audit(String name) {
		live(name);
		return audit.findByPipelineNameOrderByOccurredAtAscIdAsc(name)
			.stream()
			.map(row -> new AuditEntry(row.action(), row.version(), row.actor(), row.clientAddress(),
					row.occurredAt()))
			.toList();
	}

	/** The desired state of one pipeline, including deleted ones, if it was ever registered. */
	@Transactional(readOnly = true)
	public Optional<DesiredState> desiredState(String name) {
		return pipelines.findById(name).map(this::desiredState);
	}

	/** The desired state of every pipeline ever registered, for reconciliation. */
	@Transactional(readOnly = true)
	public List<DesiredState> desiredStates() {
		return pipelines.findAll().stream().map(this::desiredState).toList();
	}

	private DesiredState desiredState(PipelineRow row) {
		PipelineVersionRow version = versions.findByPipelineNameAndVersion(row.name(), row.latestVersion())
			.orElseThrow();
		return new DesiredState(row.name(), row.latestVersion(), row.desiredState(), json.readTree(version.specJson()),
				row.updatedAt());
	}

	private PipelineDetails changeState(String name, PipelineState state, String action, Actor actor) {
		PipelineRow row = live(name).withDesiredState(state, clock.instant());
		PipelineRow saved = save(row);
		record(saved, action, actor);
		return details(saved, versions.findByPipelineNameAndVersion(name, saved.latestVersion()).orElseThrow());
	}

	private PipelineDetails saveVersion(PipelineRow row, SpecSource source, Actor actor, String action) {
		servedNames.checkUnique(source.spec().spec());
		PipelineRow saved = save(row);
		PipelineVersionRow version = new PipelineVersionRow(null, saved.name(), saved.latestVersion(),
				json.writeValueAsString(source.spec().document()), source.text(), source.format().name(),
				saved.updatedAt(), actor.name());
		try {
			version = versions.save(version);
		}
		catch (DuplicateKeyException ex) {
			throw PipelineConflictException.concurrentChange(saved.name());
		}
		record(saved, action, actor);
		return details(saved, version);
	}

	private PipelineRow save(PipelineRow row) {
		try {
			return pipelines.save(row);
		}
		catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
			throw PipelineConflictException.concurrentChange(row.name());
		}
	}

	private void record(PipelineRow row, String action, Actor actor) {
		audit.save(new AuditEventRow(null, row.name(), action, row.latestVersion(), actor.name(),
				actor.clientAddress(), row.updatedAt()));
		events.publishEvent(new PipelineChanged(row.name()));
	}

	private PipelineRow live(String name) {
		return pipelines.findById(name)
			.filter(row -> !row.isDeleted())
			.orElseThrow(() -> PipelineNotFoundException.pipeline(name));
	}

	private PipelineDetails details(PipelineRow row, PipelineVersionRow version) {
		return new PipelineDetails(row.name(), version.version(), row.latestVersion(), row.desiredState(),
				json.readTree(version.specJson()), row.createdAt(), row.updatedAt(), version.createdAt(),
				version.createdBy());
	}

}

package io.streamplane.api.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.streamplane.api.ControlPlaneProperties;
import io.streamplane.api.registry.Actor;
import io.streamplane.api.registry.AuditEntry;
import io.streamplane.api.registry.PageOf;
import io.streamplane.api.registry.PipelineDetails;
import io.streamplane.api.registry.PipelineRegistry;
import io.streamplane.api.registry.PipelineSummary;
import io.streamplane.api.registry.SpecSource;
import io.streamplane.api.registry.SpecText;
import io.streamplane.api.registry.VersionSummary;
import io.streamplane.api.status.PipelineStatus;
import io.streamplane.api.status.StatusBoard;
import io.streamplane.spec.SpecFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline registry over REST: {@code /api/v1/pipelines}. */
@RestController
@RequestMapping("/api/v1/pipelines")
@Tag(name = "Pipelines", description = "Register, version, pause, resume and delete pipelines")
public class PipelineController {

	private final PipelineRegistry registry;

	private final SpecBodies specs;

	private final StatusBoard statuses;

	private final ControlPlaneProperties properties;

	PipelineController(PipelineRegistry registry, SpecBodies specs, StatusBoard statuses,
			ControlPlaneProperties properties) {
		this.registry = registry;
		this.specs = specs;
		this.statuses = statuses;
		this.properties = properties;
	}

	@PostMapping(consumes = { SpecBodies.JSON, SpecBodies.YAML, SpecBodies.X_YAML, SpecBodies.TEXT_YAML })
	@Operation(summary = "Register a pipeline", description = "Creates version 1, desired state RUNNING.")
	ResponseEntity<PipelineDetails> create(@RequestBody String body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, Authentication user,
			HttpServletRequest request) {
		PipelineDetails created = registry.create(read(body, contentType), actor(user, request));
		return ResponseEntity.created(URI.create("/api/v1/pipelines/" + created.name())).body(created);
	}

	@PostMapping(path = "/validate",
			consumes = { SpecBodies.JSON, SpecBodies.YAML, SpecBodies.X_YAML, SpecBodies.TEXT_YAML })
	@Operation(summary = "Validate a pipeline spec without saving it",
			description = "200 with the normalised spec when valid; 400 listing every problem with its path otherwise.")
	ValidationResult validate(@RequestBody String body, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
		SpecSource source = read(body, contentType);
		return new ValidationResult(true, source.name(), source.spec().document());
	}

	@GetMapping
	@Operation(summary = "List pipelines", description = "Live pipelines ordered by name, one page at a time.")
	PageOf<PipelineSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging.check(page, size, properties);
		return registry.list(page, size);
	}

	@GetMapping("/{name}")
	@Operation(summary = "Get a pipeline", description = "The latest version, or the one given by ?version=N.")
	PipelineDetails get(@PathVariable String name,
			@Parameter(description = "a version number, from 1") @RequestParam Optional<Integer> version) {
		return registry.get(name, version);
	}

	@GetMapping("/{name}/source")
	@Operation(summary = "Get a pipeline's spec as submitted",
			description = "The text of the latest version, or of ?version=N, verbatim (comments and layout kept), "
					+ "as application/yaml or application/json as it was sent.")
	ResponseEntity<String> source(@PathVariable String name,
			@Parameter(description = "a version number, from 1") @RequestParam Optional<Integer> version) {
		SpecText text = registry.text(name, version);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(text.format() == SpecFormat.YAML ? SpecBodies.YAML : SpecBodies.JSON))
			.header("X-Pipeline-Version", Integer.toString(text.version()))
			.body(text.text());
	}

	@PutMapping(path = "/{name}", consumes = { SpecBodies.JSON, SpecBodies.YAML, SpecBodies.X_YAML, SpecBodies.TEXT_YAML })
	@Operation(summary = "Update a pipeline",
			description = "Adds a new immutable version; the spec's name must equal the path's.")
	PipelineDetails update(@PathVariable String name, @RequestBody String body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, Authentication user,
			HttpServletRequest request) {
		SpecSource source = read(body, contentType);
		if (!source.name().equals(name)) {
			throw InvalidRequestException.of("name", "the spec is named '" + source.name()
					+ "' but the URL names '" + name + "'; a pipeline cannot be renamed, send it to /api/v1/pipelines/"
					+ source.name() + " or create it with POST");
		}
		return registry.update(source, actor(user, request));
	}

	@PostMapping("/{name}/pause")
	@Operation(summary = "Pause a pipeline", description = "Engines stop processing and keep state and offsets.")
	PipelineDetails pause(@PathVariable String name, Authentication user, HttpServletRequest request) {
		return registry.pause(name, actor(user, request));
	}

	@PostMapping("/{name}/resume")
	@Operation(summary = "Resume a paused pipeline")
	PipelineDetails resume(@PathVariable String name, Authentication user, HttpServletRequest request) {
		return registry.resume(name, actor(user, request));
	}

	@DeleteMapping("/{name}")
	@Operation(summary = "Delete a pipeline",
			description = "Engines stop it and remove its state; the name can be registered again.")
	PipelineDetails delete(@PathVariable String name, Authentication user, HttpServletRequest request) {
		return registry.delete(name, actor(user, request));
	}

	@GetMapping("/{name}/versions")
	@Operation(summary = "List a pipeline's versions", description = "Oldest first.")
	List<VersionSummary> versions(@PathVariable String name) {
		return registry.versions(name);
	}

	@GetMapping("/{name}/audit")
	@Operation(summary = "A pipeline's audit trail", description = "Who changed what and when, oldest first.")
	List<AuditEntry> audit(@PathVariable String name) {
		return registry.audit(name);
	}

	@GetMapping("/{name}/status")
	@Operation(summary = "A pipeline's status",
			description = "Per engine instance: state, records in/out per second, lag, late and dead-lettered counts, last error.")
	PipelineStatus status(@PathVariable String name) {
		PipelineDetails pipeline = registry.get(name, Optional.empty());
		return PipelineStatus.of(name, pipeline.latestVersion(), pipeline.desiredState(), statuses.instances(name));
	}

	private SpecSource read(String body, String contentType) {
		return specs.read(body, MediaType.parseMediaType(contentType));
	}

	private static Actor actor(Authentication user, HttpServletRequest request) {
		return new Actor(user == null ? "anonymous" : user.getName(), request.getRemoteAddr());
	}

}

package io.streamplane.api.web;

import io.streamplane.spec.PipelineSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the pipeline spec's JSON Schema, for editors and tooling. */
@RestController
@RequestMapping("/api/v1/schemas")
@Tag(name = "Schemas", description = "JSON Schemas of the documents the API accepts")
public class SchemaController {

	private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

	@GetMapping("/pipeline")
	@Operation(summary = "The JSON Schema of a pipeline spec",
			description = "Draft 2020-12. Point your editor's YAML/JSON language server at it for completion; "
					+ "the validator (POST /api/v1/pipelines/validate) stays authoritative.")
	ResponseEntity<String> pipeline() {
		return ResponseEntity.ok().contentType(SCHEMA_JSON).body(PipelineSchema.json());
	}

}

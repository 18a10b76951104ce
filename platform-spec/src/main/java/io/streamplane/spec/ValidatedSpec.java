package io.streamplane.spec;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A pipeline spec that passed validation, in two forms.
 *
 * @param spec the typed model, with every expression compiled and type-checked
 * @param document the spec as a JSON tree exactly as written (YAML normalised to JSON, no defaults
 * filled in): what is stored and published, and what {@link SpecReader#read(JsonNode)} turns back
 * into an equal {@code spec}; a private copy, never shared with the caller's input
 */
public record ValidatedSpec(PipelineSpec spec, JsonNode document) {

	public ValidatedSpec {
		Objects.requireNonNull(spec, "spec");
		Objects.requireNonNull(document, "document");
	}

}
